// What people ask about, for HR: the most looked-up roles and FAQs and how helpful answers were, over the last
// 7 and 30 days. Built from anonymous day counts (a role or FAQ id and a day, nothing else); any count below
// 5 leaves this module as "fewer than 5", so no renderer can show a number that might point at a person.
import {
  FEWER_THAN,
  SMALL_COUNT,
  type CountSubject,
  type Insights,
  type InsightsPeriod,
  type ShownCount,
} from '../answers/hr.js';
import type { Store } from '../store/types.js';
import { dayIn, daysBefore } from './clock.js';
import type { KnowledgeView } from './knowledge.js';

const shownCount = (n: number): ShownCount => (n < SMALL_COUNT ? FEWER_THAN : n);

const TOP = 5;

export async function buildInsights(
  store: Store,
  view: KnowledgeView,
  now: number,
  timeZone: string,
): Promise<Insights> {
  const today = dayIn(timeZone, now);
  const labelOf = (s: CountSubject) =>
    s.kind === 'role' ? (view.role(s.id)?.role.title ?? s.id) : (view.faqQuestion(s.id) ?? s.id);

  const period = async (label: string, days: number): Promise<InsightsPeriod> => {
    const fromDay = daysBefore(today, days - 1);
    const lookups = await store.lookupTotals(fromDay, today);
    const top = (kind: CountSubject['kind']) =>
      lookups
        .filter((l) => l.kind === kind)
        .slice(0, TOP)
        .map((l) => ({ kind, id: l.id, label: labelOf(l), count: shownCount(l.count) }));
    const feedback = await store.feedbackTotals(fromDay, today);
    const helpful = feedback.reduce((sum, f) => sum + f.helpful, 0);
    const votes = feedback.reduce((sum, f) => sum + f.helpful + f.notHelpful, 0);
    return {
      label,
      fromDay,
      toDay: today,
      lookups: shownCount(lookups.reduce((sum, l) => sum + l.count, 0)),
      topRoles: top('role'),
      topFaqs: top('faq'),
      votes: shownCount(votes),
      helpfulPercent: votes >= SMALL_COUNT ? Math.round((helpful / votes) * 100) : null,
      leastHelpful: feedback
        .filter((f) => f.helpful + f.notHelpful >= SMALL_COUNT && f.notHelpful > f.helpful)
        .map((f) => ({
          kind: f.kind,
          id: f.id,
          label: labelOf(f),
          votes: f.helpful + f.notHelpful,
          notHelpfulPercent: Math.round((f.notHelpful / (f.helpful + f.notHelpful)) * 100),
        }))
        .sort((a, b) => b.notHelpfulPercent - a.notHelpfulPercent || b.votes - a.votes)
        .slice(0, 3),
    };
  };

  return {
    timeZone,
    periods: await Promise.all([period('Last 7 days', 7), period('Last 30 days', 30)]),
    dataNote: view.dataNote(),
  };
}

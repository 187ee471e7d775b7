// What the HR features need from the knowledge base, read through the engine of the moment (the preview reloads
// knowledge while it runs): curated roles with their headline score, FAQs, and role lookup.
// Also the fingerprint a digest keeps, and the diff between two fingerprints.
import type { FaqSummary, KnowledgeChanges, RoleScore } from '../answers/hr.js';
import type { AmbiguousAnswer, NotFoundAnswer, RoleAnswer } from '../answers/types.js';
import type { Engine } from '../engine/types.js';

export interface KnowledgeView {
  /** Curated roles ordered by id: the spotlight rotation's order. */
  curatedRoles(): RoleScore[];
  faqs(): FaqSummary[];
  role(id: string): RoleAnswer | null;
  /** A role from what an admin typed ("medical coder", "CPC"), or why there is none. */
  findRole(text: string): RoleAnswer | AmbiguousAnswer | NotFoundAnswer;
  faqQuestion(id: string): string | null;
  /** What the server loaded (data folder, occupations, what did not join): for HR admins and the log only. */
  dataNote(): string;
}

export function knowledgeView(current: () => Engine): KnowledgeView {
  return {
    curatedRoles() {
      const engine = current();
      return engine.curatedRoles().map((r) => {
        const headline = engine.card(r.id)?.headline ?? null;
        return { id: r.id, title: r.title, score: headline?.value ?? null, scale: headline?.scale ?? null };
      });
    },
    faqs: () => current().faqs(),
    role: (id) => current().card(id),
    findRole(text) {
      const engine = current();
      const found = engine.path(text);
      if (found.kind !== 'path') return found;
      return (
        engine.card(found.role.id) ?? {
          kind: 'not_found',
          query: text,
          reason: 'no_match',
          suggestions: engine.popularRoles(),
        }
      );
    },
    faqQuestion: (id) =>
      current()
        .faqs()
        .find((f) => f.id === id)?.question ?? null,
    dataNote: () => current().stats().datasetNote,
  };
}

/** What a digest remembers about the knowledge base, to tell the next digest what changed. */
export interface KnowledgeFingerprint {
  at: number;
  roles: Record<string, { title: string; score: number | null }>;
  faqs: Record<string, string>;
}

export function fingerprintOf(view: KnowledgeView, at: number): KnowledgeFingerprint {
  return {
    at,
    roles: Object.fromEntries(view.curatedRoles().map((r) => [r.id, { title: r.title, score: r.score }])),
    faqs: Object.fromEntries(view.faqs().map((f) => [f.id, f.question])),
  };
}

/** Scores are compared as shown (one decimal), so float noise is not a change. */
const shown = (score: number | null) => (score === null ? null : Math.round(score * 10) / 10);

export function changesSince(previous: KnowledgeFingerprint | null, view: KnowledgeView): KnowledgeChanges {
  const roles = view.curatedRoles();
  const faqs = view.faqs();
  const before = previous?.roles ?? {};
  const current = new Set(roles.map((r) => r.id));
  return {
    since: previous?.at ?? null,
    newRoles: roles.filter((r) => !before[r.id]),
    rescored: roles.flatMap((r) => {
      const old = before[r.id];
      return old && shown(old.score) !== shown(r.score)
        ? [{ id: r.id, title: r.title, before: old.score, after: r.score, scale: r.scale }]
        : [];
    }),
    removedRoles: Object.entries(before)
      .filter(([id]) => !current.has(id))
      .map(([id, r]) => ({ id, title: r.title })),
    newFaqs: faqs.filter((f) => !(previous && f.id in previous.faqs)),
    totals: { roles: roles.length, faqs: faqs.length },
  };
}

export const hasChanges = (c: KnowledgeChanges): boolean =>
  c.newRoles.length + c.rescored.length + c.removedRoles.length + c.newFaqs.length > 0;

/** Reads a stored fingerprint, or null when it is missing or unreadable (then the next digest starts afresh). */
export function parseFingerprint(json: string | null): KnowledgeFingerprint | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as KnowledgeFingerprint;
    return typeof value.at === 'number' && value.roles && value.faqs ? value : null;
  } catch {
    return null;
  }
}

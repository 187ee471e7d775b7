// In-memory stand-ins for the HR domain tests: a Slack that keeps channels and can be told to fail the way
// Slack fails, a clock moved by hand, and a small knowledge base that can change between digests.
import type { RoleAnswer } from '../../src/answers/types.js';
import { experienceOf } from '../../src/engine/experience.js';
import { glanceOf } from '../../src/engine/glance.js';
import { verdictOf } from '../../src/engine/verdict.js';
import type { Clock } from '../../src/hr/clock.js';
import type { KnowledgeView } from '../../src/hr/knowledge.js';
import {
  SlackCallError,
  type AnnouncementMetadata,
  type HistoryMessage,
  type HrSlackApi,
  type SlackFailure,
} from '../../src/hr/slack-api.js';

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: AnnouncementMetadata;
}

/** accept-then-unavailable: Slack posts the message but the answer never arrives (a 5xx or timeout after). */
export type ScriptedFailure = SlackFailure | { kind: 'accept-then-unavailable' };

export class FakeSlack implements HrSlackApi {
  readonly channels = new Map<string, PostedMessage[]>();
  readonly members = new Set<string>();
  readonly usergroups = new Map<string, string[]>();
  readonly calls: { method: string; args: unknown }[] = [];
  private readonly script = new Map<string, ScriptedFailure[]>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** A channel the bot is in. */
  join(channel: string): this {
    this.members.add(channel);
    if (!this.channels.has(channel)) this.channels.set(channel, []);
    return this;
  }

  failNext(method: 'postMessage' | 'history' | 'usergroupMembers', ...failures: ScriptedFailure[]): this {
    this.script.set(method, [...(this.script.get(method) ?? []), ...failures]);
    return this;
  }

  /** Every message in every channel: what people would see. */
  allPosts(): PostedMessage[] {
    return [...this.channels.values()].flat();
  }

  private next(method: string): ScriptedFailure | undefined {
    return this.script.get(method)?.shift();
  }

  async postMessage(args: {
    channel: string;
    text: string;
    blocks: unknown[];
    metadata?: AnnouncementMetadata;
  }): Promise<{ ts: string; channel: string }> {
    this.calls.push({ method: 'postMessage', args });
    const scripted = this.next('postMessage');
    if (scripted && scripted.kind !== 'accept-then-unavailable') throw new SlackCallError('chat.postMessage', scripted);
    if (!this.channels.has(args.channel))
      throw new SlackCallError('chat.postMessage', { kind: 'refused', code: 'channel_not_found' });
    if (!this.members.has(args.channel))
      throw new SlackCallError('chat.postMessage', { kind: 'refused', code: 'not_in_channel' });
    const ts = `${Math.floor(this.clock.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    this.channels.get(args.channel)?.push({
      channel: args.channel,
      ts,
      text: args.text,
      blocks: args.blocks,
      ...(args.metadata ? { metadata: args.metadata } : {}),
    });
    if (scripted)
      throw new SlackCallError('chat.postMessage', {
        kind: 'unavailable',
        detail: 'HTTP 503 after the message was stored',
      });
    return { ts, channel: args.channel };
  }

  async history(args: {
    channel: string;
    oldest: string;
    cursor?: string;
    limit: number;
  }): Promise<{ messages: HistoryMessage[]; nextCursor: string | null }> {
    this.calls.push({ method: 'history', args });
    const scripted = this.next('history');
    if (scripted && scripted.kind !== 'accept-then-unavailable')
      throw new SlackCallError('conversations.history', scripted);
    const all = (this.channels.get(args.channel) ?? []).filter((m) => Number(m.ts) >= Number(args.oldest)).reverse();
    const start = args.cursor ? Number(args.cursor) : 0;
    const page = all.slice(start, start + args.limit);
    return {
      messages: page.map((m) => ({ ts: m.ts, ...(m.metadata ? { metadata: m.metadata } : {}) })),
      nextCursor: start + args.limit < all.length ? String(start + args.limit) : null,
    };
  }

  async usergroupMembers(usergroup: string): Promise<string[]> {
    this.calls.push({ method: 'usergroupMembers', args: usergroup });
    const scripted = this.next('usergroupMembers');
    if (scripted && scripted.kind !== 'accept-then-unavailable')
      throw new SlackCallError('usergroups.users.list', scripted);
    const users = this.usergroups.get(usergroup);
    if (!users) throw new SlackCallError('usergroups.users.list', { kind: 'refused', code: 'no_such_subteam' });
    return users;
  }
}

export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(iso: string | number): void {
    this.ms = typeof iso === 'number' ? iso : Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.ms += ms;
  }
}

export interface TestRole {
  id: string;
  title: string;
  score: number | null;
}

/** A role answer with just what the HR features read; the test roles are made up and say so. */
function testRoleAnswer(role: TestRole): RoleAnswer {
  const aiCan = [{ text: `A task AI can do in ${role.title}`, source: 'test-source' }];
  const aiCannot = [{ text: `A task that needs people in ${role.title}`, source: 'test-source' }];
  return {
    kind: 'role',
    query: role.id,
    match: { how: 'id', confidence: 1, matched: role.id, title: role.title, source: 'catalog', qualifiers: [] },
    alternatives: [],
    role: { id: role.id, title: role.title, soc: null, curated: true },
    headline:
      role.score === null
        ? null
        : {
            value: role.score,
            scale: '0–100 test scale',
            zone: role.score < 25 ? 'red' : role.score < 48 ? 'yellow' : 'green',
            label: 'test score',
            source: 'test-source',
          },
    verdict:
      role.score === null
        ? null
        : verdictOf({
            published: { value: role.score, source: 'test-source' },
            aijriBy: 'Test source',
            consensus: null,
            ranks: [],
          }),
    glance: glanceOf(aiCan, aiCannot, []),
    nextSteps: [],
    keyFigures: { pay: null, employment: null, outlook: null, payDiffers: null, employmentDiffers: null },
    experience: experienceOf(undefined, undefined),
    measures: [],
    consensus: null,
    ratings: [],
    tasks: [],
    aiCan,
    aiCannot,
    risks: [],
    tools: [],
    timeline: [],
    pay: [],
    employment: [],
    outlook: [],
    otherFigures: [],
    notThisRole: [],
    whoShouldWorry: [],
    path: { transitions: [], longRange: [], skills: [], certifications: [], specializations: [] },
    lacks: [],
    sources: [{ id: 'test-source', name: 'Test source', asOf: '2025' }],
  };
}

/** A knowledge base the test can change: roles re-scored, roles and FAQs added. */
export class TestKnowledge implements KnowledgeView {
  roles = new Map<string, TestRole>();
  faqList = new Map<string, string>();

  constructor(roles: TestRole[], faqs: [string, string][] = []) {
    for (const r of roles) this.roles.set(r.id, r);
    for (const [id, q] of faqs) this.faqList.set(id, q);
  }

  curatedRoles() {
    return [...this.roles.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({ ...r, scale: '0–100 test scale' }));
  }
  faqs() {
    return [...this.faqList].map(([id, question]) => ({ id, question })).sort((a, b) => a.id.localeCompare(b.id));
  }
  role(id: string) {
    const r = this.roles.get(id);
    return r ? testRoleAnswer(r) : null;
  }
  findRole(text: string) {
    const wanted = text.toLowerCase();
    const matches = [...this.roles.values()].filter((r) => r.title.toLowerCase().includes(wanted) || r.id === wanted);
    if (matches.length === 1) return testRoleAnswer(matches[0] as TestRole);
    if (matches.length > 1)
      return {
        kind: 'ambiguous' as const,
        query: text,
        reason: 'several' as const,
        candidates: matches.map((m) => ({ id: m.id, title: m.title, soc: null, confidence: 0.5 })),
        qualifiers: [],
      };
    return { kind: 'not_found' as const, query: text, reason: 'no_match' as const, suggestions: [] };
  }
  dataNote() {
    return 'Test data: no public datasets.';
  }

  faqQuestion(id: string) {
    return this.faqList.get(id) ?? null;
  }
}

// The HR service the Slack listeners call: who may act, preview → Post / Edit / Cancel, schedules and
// insights, with an in-memory Slack. The over-the-wire tests (test/hr/slack-*.test.ts) drive the same
// through the Slack app.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminPolicy } from '../../src/hr/admins.js';
import { announcementRenderer, hrReplyMessage } from '../../src/renderers/blockkit/hr.js';
import { defaultRoleNote } from '../../src/hr/announcements.js';
import { isHrCommand, parseHrCommand } from '../../src/requests/hr.js';
import type { HrReply } from '../../src/answers/hr.js';
import { createHrService, type HrService } from '../../src/hr/service.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { FakeSlack, ManualClock, TestKnowledge } from './fakes.js';

const HR_NEWS = 'C0HRNEWS';
const ALL_HANDS = 'C0ALLHANDS';
const ADMIN = 'U0HRADMIN';
const GROUP_ADMIN = 'U0GROUPADM';
const EMPLOYEE = 'U0EMPLOYEE';
const TZ = 'Europe/Paris';

let dir: string;
let dbPath: string;
let store: Store;
let clock: ManualClock;
let slack: FakeSlack;
let knowledge: TestKnowledge;
let hr: HrService;
let dms: { user: string; reply: HrReply }[];

const build = () => {
  store = openSqliteStore(dbPath, { now: () => clock.now() });
  hr = createHrService({
    store,
    slack,
    clock,
    view: knowledge,
    render: announcementRenderer(TZ),
    admins: createAdminPolicy({ userIds: [ADMIN], usergroup: 'S0HRADMINS', slack, clock }),
    defaultChannel: HR_NEWS,
    timeZone: TZ,
    notifyUser: async (user, reply) => {
      dms.push({ user, reply });
    },
  });
};
/** Every text a person sees in the reply's blocks, one per line. */
const textOf = (reply: HrReply): string => {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const { text } = node as { text?: unknown };
      if (typeof text === 'string') texts.push(text);
      Object.values(node).forEach(walk);
    }
  };
  walk(hrReplyMessage(reply).blocks);
  return texts.join('\n');
};
const previewId = (reply: HrReply) => {
  if (reply.kind !== 'preview') throw new Error(`expected a preview, got ${reply.kind}: ${textOf(reply)}`);
  return reply.entry.id;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'airisk-hr-'));
  dbPath = join(dir, 'airisk.sqlite');
  clock = new ManualClock(Date.parse('2026-03-25T12:00:00Z'));
  slack = new FakeSlack(clock).join(HR_NEWS).join(ALL_HANDS);
  slack.usergroups.set('S0HRADMINS', [GROUP_ADMIN]);
  knowledge = new TestKnowledge(
    [
      { id: 'test-coder', title: 'Test Coder', score: 11.6 },
      { id: 'test-nurse', title: 'Test Nurse', score: 70 },
    ],
    [['test-faq', 'Is a test question answered?']],
  );
  dms = [];
  build();
});
afterEach(async () => {
  await hr.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('who may announce', () => {
  it('refuses an employee politely and posts nothing', async () => {
    for (const text of [
      'announce test coder',
      'schedule add weekly mon 09:00 spotlight',
      'schedule list',
      'insights',
    ]) {
      const reply = await hr.command(EMPLOYEE, parseHrCommand(text));
      expect(reply.kind).toBe('message');
      expect(textOf(reply)).toContain('Sorry, only HR admins can announce');
    }
    expect(await store.recentOutbox(10)).toEqual([]);
    expect(await store.schedules()).toEqual([]);
    expect(slack.allPosts()).toEqual([]);
  });

  it('an employee cannot Post a preview someone else made', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce test coder')));
    expect(textOf(await hr.post(EMPLOYEE, id))).toContain('Sorry, only HR admins');
    expect(slack.allPosts()).toEqual([]);
    expect((await store.getOutbox(id))?.status).toBe('draft');
  });

  it('admits members of the HR admin user group', async () => {
    expect((await hr.command(GROUP_ADMIN, parseHrCommand('announce test coder'))).kind).toBe('preview');
  });

  it('says why when the user group cannot be checked', async () => {
    slack.failNext('usergroupMembers', { kind: 'refused', code: 'missing_scope', needed: 'usergroups:read' });
    expect(textOf(await hr.command(GROUP_ADMIN, parseHrCommand('insights')))).toContain(
      'could not check the HR admin user group just now (missing_scope (needs usergroups:read))',
    );
  });
});

describe('announcing', () => {
  it('previews exactly what Post then posts, once, and audits who, what, where, when and the ts', async () => {
    const preview = await hr.command(ADMIN, parseHrCommand(`announce test coder <#${ALL_HANDS}|all-hands>`));
    const id = previewId(preview);
    const shown = hrReplyMessage(preview);
    expect(JSON.stringify(shown.blocks)).toContain(`to <#${ALL_HANDS}>`);
    expect(slack.allPosts()).toEqual([]);

    const posted = await hr.post(ADMIN, id);
    expect(posted.kind).toBe('delivered');
    const [message] = slack.allPosts();
    expect(message?.channel).toBe(ALL_HANDS);
    // The preview shows the posted blocks unchanged, between its own notice and buttons.
    expect(shown.blocks.slice(2, -2)).toEqual(message?.blocks);

    expect((await hr.post(ADMIN, id)).kind).toBe('delivered'); // a second click
    expect(slack.allPosts()).toHaveLength(1);

    const audit = (await store.auditLog(10)).reverse();
    expect(audit.map((a) => a.action)).toEqual(['previewed', 'confirmed', 'posted']);
    expect(audit[2]).toMatchObject({
      actor: ADMIN,
      channel: ALL_HANDS,
      kind: 'role',
      subject: 'test-coder',
      ts: message?.ts,
      at: clock.now(),
    });
  });

  it('uses HR_DEFAULT_CHANNEL when no channel is named, and explains a bare #name', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce spotlight')));
    expect((await store.getOutbox(id))?.channel).toBe(HR_NEWS);
    expect(textOf(await hr.command(ADMIN, parseHrCommand('announce digest #hr-news')))).toContain(
      "can't tell which channel #hr-news is",
    );
  });

  it('cancel posts nothing, and a later Post says it was cancelled', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce test nurse')));
    expect(textOf(await hr.cancel(ADMIN, id))).toContain('Cancelled: nothing was posted');
    expect(textOf(await hr.post(ADMIN, id))).toContain('Cancelled');
    expect(slack.allPosts()).toEqual([]);
  });

  it('an edit naming something that is not a channel is refused without repeating it', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce test nurse')));
    const refused = textOf(await hr.saveEdit(ADMIN, id, { note: null, channel: '<!channel>' }));
    expect(refused).toContain('That is not a channel');
    expect(refused).not.toContain('<!channel>');
  });

  it('edit adds the admin note and moves the channel, and Post sends the edited version', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce test nurse')));
    const editable = await hr.editable(ADMIN, id);
    expect('entry' in editable && editable.entry.channel).toBe(HR_NEWS);
    const edited = await hr.saveEdit(ADMIN, id, { note: 'Open day on Friday <3', channel: ALL_HANDS });
    expect(textOf(edited)).toContain('Open day on Friday &lt;3');
    await hr.post(ADMIN, id);
    const [message] = slack.allPosts();
    expect(message?.channel).toBe(ALL_HANDS);
    expect(JSON.stringify(message?.blocks)).toContain('Open day on Friday &lt;3');
    expect((await store.auditLog(10)).find((a) => a.action === 'edited')?.detail).toContain(
      `channel <#${HR_NEWS}> → <#${ALL_HANDS}>`,
    );
  });

  it('a role announcement always carries a note: the default until the admin writes one, never none', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce test nurse')));
    const editable = await hr.editable(ADMIN, id);
    if (!('entry' in editable)) throw new Error('the draft should be editable');
    expect(editable.entry.note).toBe(defaultRoleNote('Test Nurse'));
    expect(editable.entry.note).toContain('as an occupation across the US');
    expect(editable.entry.note).toContain('nothing about plans or decisions here');
    expect(JSON.stringify(editable.entry.message.blocks)).toContain('as an occupation across the US');
    // Clearing it is refused and leaves the draft as it was.
    const refused = await hr.saveEdit(ADMIN, id, { note: '   ', channel: HR_NEWS });
    expect(textOf(refused)).toContain('needs a note above the card');
    expect((await store.getOutbox(id))?.note).toBe(defaultRoleNote('Test Nurse'));
    // A digest may go without one.
    const digest = previewId(await hr.command(ADMIN, parseHrCommand('announce digest')));
    expect((await hr.saveEdit(ADMIN, digest, { note: null, channel: HR_NEWS })).kind).toBe('preview');
  });

  it('asks which role when the text matches several, and suggests when it matches none', async () => {
    expect(textOf(await hr.command(ADMIN, parseHrCommand('announce test')))).toContain(
      'could be several roles: *Test Coder*, *Test Nurse*',
    );
    expect(textOf(await hr.command(ADMIN, parseHrCommand('announce astronaut')))).toContain(
      `couldn't find a role matching “astronaut”`,
    );
  });

  it('tells the admin the bot is not in the channel, and Retry posts once after the invite', async () => {
    slack.members.delete(ALL_HANDS);
    const id = previewId(await hr.command(ADMIN, parseHrCommand(`announce test coder <#${ALL_HANDS}>`)));
    const failed = await hr.post(ADMIN, id);
    expect(failed.kind).toBe('delivery-failed');
    expect(textOf(failed)).toContain(`I'm not in <#${ALL_HANDS}>: invite me with \`/invite @airisk\``);
    expect(JSON.stringify(hrReplyMessage(failed).blocks)).toContain('"action_id":"airisk_hr_retry"');
    slack.join(ALL_HANDS);
    expect((await hr.retry(ADMIN, id)).kind).toBe('delivered');
    expect((await hr.retry(ADMIN, id)).kind).toBe('delivered');
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('a preview confirmed just before a crash is posted by the next process, once', async () => {
    const id = previewId(await hr.command(ADMIN, parseHrCommand('announce test coder')));
    await store.transition(id, ['draft'], 'pending'); // Post's first step, then the process dies
    await hr.stop();
    await store.close();
    build();
    const outcomes = await hr.start();
    expect(outcomes.map((o) => o.status)).toEqual(['sent']);
    expect(slack.allPosts()).toHaveLength(1);
  });
});

describe('schedules', () => {
  it('adds, lists and removes, with usage on bad input', async () => {
    const added = await hr.command(
      ADMIN,
      parseHrCommand(`schedule add weekly mon 09:00 spotlight <#${ALL_HANDS}|all-hands>`),
    );
    expect(textOf(added)).toContain(
      'Schedule 1: a spotlight to <#C0ALLHANDS>, weekly mon 09:00 (Europe/Paris). First run Mon, 30 Mar 2026, 09:00',
    );
    expect(textOf(await hr.command(ADMIN, parseHrCommand('schedule list')))).toContain(
      '*1.* spotlight to <#C0ALLHANDS>, weekly mon 09:00 · next Mon, 30 Mar 2026, 09:00',
    );
    const bad = await hr.command(ADMIN, parseHrCommand('schedule add fortnightly 09:00 spotlight'));
    expect(bad.kind).toBe('usage');
    expect(textOf(bad)).toContain(`I don't know the cadence "fortnightly"`);
    expect(textOf(bad)).toContain('/airisk schedule add weekly mon 09:00 spotlight [#channel]');
    expect(textOf(await hr.command(ADMIN, parseHrCommand('schedule add weekly mon 09:00 newsletter')))).toContain(
      'say what to post: `spotlight` or `digest`, not "newsletter"',
    );
    expect(textOf(await hr.command(ADMIN, parseHrCommand('schedule remove 7')))).toContain('There is no schedule 7');
    expect(textOf(await hr.command(ADMIN, parseHrCommand('schedule remove 1')))).toContain('Removed schedule 1');
    expect(await store.schedules()).toEqual([]);
  });

  it('tells the creator by DM when a scheduled digest cannot be posted', async () => {
    await hr.command(ADMIN, parseHrCommand(`schedule add daily 09:00 spotlight <#${ALL_HANDS}>`));
    slack.members.delete(ALL_HANDS);
    clock.set('2026-03-26T08:00:00Z');
    await hr.scheduler.tick();
    expect(dms).toHaveLength(1);
    expect(dms[0]?.user).toBe(ADMIN);
    expect(textOf(dms[0]?.reply as HrReply)).toContain(`I'm not in <#${ALL_HANDS}>`);
  });
});

describe('insights', () => {
  it('counts roles and questions by day, shows small counts as "fewer than 5", and stores nothing private', async () => {
    const askers = ['U0ASKER001', 'U0ASKER002', 'U0ASKER003'];
    const secretQuestion = 'will the robots take my job as a test coder in Lyon';
    for (let i = 0; i < 7; i++)
      hr.usage.answered(knowledge.role('test-coder') as NonNullable<ReturnType<TestKnowledge['role']>>);
    for (let i = 0; i < 2; i++)
      hr.usage.answered({
        kind: 'faq',
        query: secretQuestion,
        faq: { id: 'test-faq', question: 'Is a test question answered?', answer: '…' },
        roles: [],
        sources: [],
      });
    for (let i = 0; i < 4; i++) hr.usage.voted({ kind: 'role', id: 'test-coder' }, true);
    hr.usage.voted({ kind: 'role', id: 'test-coder' }, false);
    clock.advance(20 * 24 * 3600_000);
    hr.usage.answered(knowledge.role('test-nurse') as NonNullable<ReturnType<TestKnowledge['role']>>);

    const reply = await hr.command(ADMIN, parseHrCommand('insights'));
    if (reply.kind !== 'insights') throw new Error(textOf(reply));
    const [week, month] = reply.insights.periods;
    expect(week?.topRoles).toEqual([{ kind: 'role', id: 'test-nurse', label: 'Test Nurse', count: 'fewer than 5' }]);
    expect(week?.helpfulPercent).toBeNull();
    expect(month?.topRoles.map((r) => [r.label, r.count])).toEqual([
      ['Test Coder', 7],
      ['Test Nurse', 'fewer than 5'],
    ]);
    expect(month?.topFaqs.map((r) => [r.label, r.count])).toEqual([['Is a test question answered?', 'fewer than 5']]);
    expect(month?.helpfulPercent).toBe(80);
    const text = textOf(reply);
    expect(text).toContain('1. Test Coder: 7');
    expect(text).toContain('2. Test Nurse: fewer than 5');
    expect(text).toContain('Helpful: 80% of 5 votes');

    // Nothing in the database files (with WAL and journal) names an asker or holds what they typed.
    await store.close();
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    for (const secret of [...askers, secretQuestion, 'robots', 'Lyon']) expect(bytes).not.toContain(secret);
    expect(bytes).toContain('test-coder');
    build();
  });
});

it('routes only the HR subcommands', () => {
  expect(['announce x', ' schedule list', 'insights', 'Announce digest'].map(isHrCommand)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(['medical coder', 'path nurse', 'announcer', ''].map(isHrCommand)).toEqual([false, false, false, false]);
});

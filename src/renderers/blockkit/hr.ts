// Block Kit for the HR features: the announcements posted to channels (a role's shared score card under an
// intro, or a digest of what changed), the admin's ephemeral replies (preview with Post / Edit / Cancel,
// outcomes, schedules, insights) and the Edit modal.
import type { types } from '@slack/bolt';
import { formatLocal } from '../../answers/format.js';
import {
  FEWER_THAN,
  type AnnouncementContent,
  type HrReply,
  type Insights,
  type InsightsPeriod,
  type KnowledgeChanges,
  type OutboxEntry,
  type OutboxMessage,
  type Schedule,
  type ShownCount,
} from '../../answers/hr.js';
import { ACTIONS, INPUTS, VIEWS } from './ids.js';
import { roleCardMessage, type SlackMessage } from './messages.js';
import { LIMITS, channelLink, cut, escapeMrkdwn } from './text.js';

type Block = types.KnownBlock;

const e = escapeMrkdwn;
const LIST_LIMIT = 10;
const NOTE_LIMIT = 1000;
/** Blocks the preview adds around an announcement (notice, two dividers, buttons): the preview must fit too. */
const PREVIEW_CHROME = 4;
const ANNOUNCEMENT_BLOCKS = LIMITS.messageBlocks - PREVIEW_CHROME;

const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: cut(text, LIMITS.headerText), emoji: true },
});
const section = (mrkdwn: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(mrkdwn, LIMITS.sectionText) },
});
const context = (mrkdwn: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: cut(mrkdwn, LIMITS.sectionText) }],
});
const divider: Block = { type: 'divider' };
const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

const ASK_HINT = e('Ask me about any job: `/airisk <job title>`, or `/airisk path <job title>` for a reskilling path.');

/** A bulleted list of at most LIST_LIMIT lines, then how many more. */
function bullets(lines: string[]): string {
  const shown = lines.slice(0, LIST_LIMIT).map((l) => `• ${l}`);
  if (lines.length > LIST_LIMIT) shown.push(`…and ${lines.length - LIST_LIMIT} more`);
  return shown.join('\n');
}

const noteBlocks = (note: string | null): Block[] => (note ? [section(e(cut(note, NOTE_LIMIT)))] : []);
const score = (value: number | null) => (value === null ? 'no score' : String(Math.round(value * 10) / 10));

/** A score with what it is on, short enough for a list line: "11.6 AIJRI", "exposure percentile 78". */
function scoreWithScale(value: number | null, scale: string | null): string {
  if (value === null) return 'no headline score yet';
  if (scale && /AIJRI/.test(scale)) return `${score(value)} AIJRI`;
  if (scale && /percentile/.test(scale)) return `exposure percentile ${score(value)}`;
  return score(value);
}

/** The role's short card (its first screen, with "How we scored this" one click away) under an intro and the
 *  admin's note, which every role announcement has (by default: the card describes the occupation nationally). */
function roleAnnouncement(content: AnnouncementContent & { kind: 'role' | 'spotlight' }): SlackMessage {
  const card = roleCardMessage(content.role, { shared: true });
  const intro =
    content.kind === 'spotlight'
      ? `🔦 *Role spotlight: ${e(content.role.role.title)}*`
      : `📣 *From HR: ${e(content.role.role.title)}*`;
  const blocks = [section(intro), ...noteBlocks(content.note), divider, ...card.blocks, context(ASK_HINT)];
  const capped =
    blocks.length <= ANNOUNCEMENT_BLOCKS ? blocks : [...blocks.slice(0, ANNOUNCEMENT_BLOCKS - 1), context(ASK_HINT)];
  return {
    text: cut(`${content.kind === 'spotlight' ? 'Role spotlight' : 'From HR'}: ${card.text}`, LIMITS.fallbackText),
    blocks: capped,
  };
}

function digestAnnouncement(changes: KnowledgeChanges, note: string | null, timeZone: string): SlackMessage {
  const since = changes.since === null ? null : formatLocal(timeZone, changes.since);
  const blocks: Block[] = [
    header('📰 What changed in the AI-risk knowledge base'),
    context(
      since
        ? `Since the last digest here, ${e(since)}.`
        : 'The first digest in this channel: everything the knowledge base holds counts as new.',
    ),
    ...noteBlocks(note),
  ];
  const parts: string[] = [];
  if (changes.newRoles.length)
    parts.push(
      `*New roles*\n${bullets(changes.newRoles.map((r) => `*${e(r.title)}*: ${scoreWithScale(r.score, r.scale)}`))}`,
    );
  if (changes.rescored.length)
    parts.push(
      `*Re-scored roles*\n${bullets(changes.rescored.map((r) => `*${e(r.title)}*: ${score(r.before)} → ${scoreWithScale(r.after, r.scale)}`))}`,
    );
  if (changes.removedRoles.length)
    parts.push(`*Roles no longer covered*\n${bullets(changes.removedRoles.map((r) => e(r.title)))}`);
  if (changes.newFaqs.length)
    parts.push(`*New questions answered*\n${bullets(changes.newFaqs.map((f) => e(f.question)))}`);
  for (const part of parts) blocks.push(section(part));
  if (!parts.length) blocks.push(section(`Nothing changed since the last digest${since ? ` on ${e(since)}` : ''}.`));
  blocks.push(
    context(
      `The knowledge base covers ${changes.totals.roles} curated roles and ${changes.totals.faqs} questions. ` +
        `${ASK_HINT}`,
    ),
  );
  const count =
    changes.newRoles.length + changes.rescored.length + changes.removedRoles.length + changes.newFaqs.length;
  return {
    text:
      `What changed in the AI-risk knowledge base: ` +
      `${count ? `${count} change${count === 1 ? '' : 's'}` : 'nothing new'}`,
    blocks,
  };
}

/** The announcement renderer the HR service is given: what gets posted, exactly. */
export function announcementRenderer(timeZone: string): (content: AnnouncementContent) => OutboxMessage {
  return (content) =>
    content.kind === 'digest' ? digestAnnouncement(content.changes, content.note, timeZone) : roleAnnouncement(content);
}

const shown = (n: ShownCount) => (n === FEWER_THAN ? FEWER_THAN : String(n));

function periodText(p: InsightsPeriod): string {
  const lines = [`*${p.label}* (${p.fromDay} to ${p.toDay}): ${shown(p.lookups)} answers about roles and questions`];
  lines.push(
    p.topRoles.length
      ? `Most asked-about roles:\n${p.topRoles.map((r, i) => `${i + 1}. ${e(r.label)}: ${shown(r.count)}`).join('\n')}`
      : 'No roles asked about.',
  );
  lines.push(
    p.topFaqs.length
      ? `Most asked questions:\n${p.topFaqs.map((f, i) => `${i + 1}. ${e(f.label)}: ${shown(f.count)}`).join('\n')}`
      : 'No questions asked.',
  );
  lines.push(
    p.helpfulPercent === null
      ? `Helpful votes: ${shown(p.votes)}, too few to give a rate.`
      : `Helpful: ${p.helpfulPercent}% of ${shown(p.votes)} votes said helpful, ${100 - p.helpfulPercent}% not ` +
          `helpful.`,
  );
  if (p.leastHelpful.length)
    lines.push(
      `Answers most often voted not helpful:\n${p.leastHelpful.map((l) => `• ${e(l.label)}: ${l.notHelpfulPercent}% of ${l.votes} votes`).join('\n')}`,
    );
  return lines.join('\n');
}

function insightsMessage(insights: Insights): SlackMessage {
  return {
    text: 'What people ask airisk',
    blocks: [
      header('📊 What people ask airisk'),
      ...insights.periods.map((p) => section(periodText(p))),
      context(
        `Counts below 5 show as "${FEWER_THAN}". Only which role or question an answer was about, and the day ` +
          `(${e(insights.timeZone)}), are counted: never who asked or what they typed.`,
      ),
      context(`*Data on this server* (for HR admins): ${e(insights.dataNote)}`),
    ],
  };
}

function scheduleLine(s: Schedule): string {
  return `*${s.id}.* ${s.kind} to ${channelLink(s.channel)}, ${s.cadence} · next ${formatLocal(s.timezone, s.nextRunAt)}${s.lastRunAt ? ` · last ran ${formatLocal(s.timezone, s.lastRunAt)}` : ''} · added by <@${s.createdBy}>`;
}

function previewMessage(entry: OutboxEntry): SlackMessage {
  const posted = entry.message.blocks as Block[];
  return {
    text: cut(`Preview: ${entry.message.text}`, LIMITS.fallbackText),
    blocks: [
      context(
        `👀 *Preview*, only you can see this. *Post* sends exactly what is between the lines to ` +
          `${channelLink(entry.channel)}.`,
      ),
      divider,
      ...posted,
      divider,
      {
        type: 'actions',
        block_id: 'hr-preview',
        elements: [
          button('Post', ACTIONS.hrPost, entry.id, 'primary'),
          button('Edit', ACTIONS.hrEdit, entry.id),
          button('Cancel', ACTIONS.hrCancel, entry.id, 'danger'),
        ],
      },
    ],
  };
}

const simple = (text: string): SlackMessage => ({ text: cut(text, LIMITS.fallbackText), blocks: [section(text)] });

/** An ephemeral reply (or DM) to an HR admin. */
export function hrReplyMessage(reply: HrReply): SlackMessage {
  switch (reply.kind) {
    case 'message':
      return simple(reply.text);
    case 'usage':
      // The problem quotes what was typed, the usage shows <placeholders>: both are text, never Slack markup.
      return simple(
        `${reply.problem ? `${e(reply.problem)}\n\n` : ''}*HR commands* (HR admins only):\n${e(reply.usage)}`,
      );
    case 'choose-role': {
      const a = reply.answer;
      if (a.kind === 'ambiguous') {
        return simple(
          `“${e(cut(a.query, 200))}” could be several roles: ` +
            `${a.candidates.map((c) => `*${e(c.title)}*`).join(', ')}. Run \`/airisk announce <title>\` with the one ` +
            `you mean.`,
        );
      }
      const suggestions = a.suggestions
        .slice(0, 5)
        .map((s) => `*${e(s.title)}*`)
        .join(', ');
      return simple(
        `I couldn't find a role matching ` +
          `“${e(cut(a.query, 200))}”.${suggestions ? ` Some roles I know: ${suggestions}.` : ''}`,
      );
    }
    case 'preview':
      return previewMessage(reply.entry);
    case 'delivered':
      return simple(
        `✅ Posted to ${channelLink(reply.entry.channel)}.${reply.recovered ? ' It was already there from an earlier, interrupted attempt, so I did not post it again.' : ''}`,
      );
    case 'delivery-failed':
      return {
        text: cut(`Not posted: ${reply.reason}`, LIMITS.fallbackText),
        blocks: [
          section(`⚠️ *Not posted to ${channelLink(reply.entry.channel)}.* ${reply.reason}`),
          {
            type: 'actions',
            block_id: 'hr-retry',
            elements: [button('Retry', ACTIONS.hrRetry, reply.entry.id, 'primary')],
          },
        ],
      };
    case 'delivery-pending':
      return simple(
        `⏳ Not posted to ${channelLink(reply.entry.channel)} yet: ${reply.reason} It is kept safely and goes out on ` +
          `its own; it will not be posted twice.`,
      );
    case 'cancelled':
      return simple('Cancelled: nothing was posted.');
    case 'schedules':
      return simple(
        reply.schedules.length
          ? `*Schedules* (times in ${e(reply.timeZone)}):\n${reply.schedules.map(scheduleLine).join('\n')}`
          : 'No schedules yet. Add one with `/airisk schedule add weekly mon 09:00 spotlight #channel`.',
      );
    case 'schedule-added': {
      const s = reply.schedule;
      return simple(
        `🗓️ Schedule ${s.id}: a ${s.kind} to ${channelLink(s.channel)}, ${s.cadence} (${s.timezone}). First run ` +
          `${formatLocal(s.timezone, s.nextRunAt)}. Stop it with \`/airisk schedule remove ${s.id}\`.`,
      );
    }
    case 'schedule-removed':
      return simple(
        `Removed schedule ${reply.schedule.id} (${reply.schedule.kind} to ${channelLink(reply.schedule.channel)}, ` +
          `${reply.schedule.cadence}).`,
      );
    case 'insights':
      return insightsMessage(reply.insights);
  }
}

/** The Edit modal: the admin's note above the content, and the channel. The content itself comes from knowledge/. */
export function hrEditModal(entry: OutboxEntry, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.hrEdit,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Edit announcement' },
    submit: { type: 'plain_text', text: 'Update preview' },
    close: { type: 'plain_text', text: 'Back' },
    blocks: [
      {
        type: 'input',
        block_id: INPUTS.hrNoteBlock,
        optional: entry.kind === 'digest',
        label: { type: 'plain_text', text: 'Your note, shown above the content' },
        ...(entry.kind === 'digest'
          ? {}
          : {
              hint: {
                type: 'plain_text' as const,
                text:
                  'Required. The default says the card describes the occupation nationally, not decisions here; ' +
                  'say what it means for your people.',
              },
            }),
        element: {
          type: 'plain_text_input',
          action_id: INPUTS.hrNoteText,
          multiline: true,
          max_length: NOTE_LIMIT,
          ...(entry.note ? { initial_value: entry.note } : {}),
        },
      },
      {
        type: 'input',
        block_id: INPUTS.hrChannelBlock,
        label: { type: 'plain_text', text: 'Channel' },
        element: {
          type: 'conversations_select',
          action_id: INPUTS.hrChannelSelect,
          initial_conversation: entry.channel,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
        },
      },
      context('The rest of the announcement comes from the knowledge base, so every figure keeps its source.'),
    ],
  };
}

// What an announcement says: a role (named by the admin, or the next in the spotlight rotation) or a digest of
// what changed in the knowledge base. Composed as plain data, drawn by an injected renderer, and kept in the
// outbox exactly as it will be posted. The rotation cursor and the digest's fingerprint are committed only
// when the message is delivered, so a failed post does not skip a role or swallow changes.
import type { AnnouncementContent, AnnouncementKind, OutboxMessage, StateChange } from '../answers/hr.js';
import type { AmbiguousAnswer, NotFoundAnswer, RoleAnswer } from '../answers/types.js';
import type { AnnounceTarget } from '../requests/hr.js';
import type { Store } from '../store/types.js';
import { changesSince, fingerprintOf, hasChanges, parseFingerprint, type KnowledgeView } from './knowledge.js';

/** Draws an announcement as the Slack message that will be posted. */
export type AnnouncementRenderer = (content: AnnouncementContent) => OutboxMessage;

export interface ComposedAnnouncement {
  kind: AnnouncementKind;
  subject: string;
  content: AnnouncementContent;
  message: OutboxMessage;
  onDelivered: StateChange[];
}

export type ComposeResult =
  | { ok: true; announcement: ComposedAnnouncement }
  | { ok: false; answer: AmbiguousAnswer | NotFoundAnswer }
  | { ok: false; reason: string };

const spotlightKey = (channel: string) => `spotlight-last:${channel}`;
const digestKey = (channel: string) => `digest-fingerprint:${channel}`;
const DIGEST_SUBJECT = 'knowledge-changes';

export interface ComposeDeps {
  view: KnowledgeView;
  store: Store;
  render: AnnouncementRenderer;
  now: () => number;
}

export async function composeAnnouncement(
  deps: ComposeDeps,
  target: AnnounceTarget,
  channel: string,
  note: string | null,
): Promise<ComposeResult> {
  const { view, store } = deps;
  switch (target.type) {
    case 'role': {
      const found = view.findRole(target.text);
      if (found.kind !== 'role') return { ok: false, answer: found };
      return { ok: true, announcement: roleAnnouncement(deps, 'role', found, note, []) };
    }
    case 'spotlight': {
      const roles = view.curatedRoles();
      if (roles.length === 0)
        return { ok: false, reason: 'There are no curated roles in the knowledge base to put in the spotlight yet.' };
      const last = await store.getState(spotlightKey(channel));
      // The role after the last one shown here, by id, wrapping round; still right when roles come and go.
      const next = roles.find((r) => last === null || r.id > last) ?? (roles[0] as (typeof roles)[number]);
      const role = view.role(next.id);
      if (!role) return { ok: false, reason: `The role ${next.id} could not be loaded for the spotlight.` };
      return {
        ok: true,
        announcement: roleAnnouncement(deps, 'spotlight', role, note, [
          { key: spotlightKey(channel), value: role.role.id },
        ]),
      };
    }
    case 'digest':
      return { ok: true, announcement: await digestAnnouncement(deps, channel, note) };
  }
}

/** The same announcement with a new note or channel, for Edit: same role, changes recomputed for the channel. */
export async function recompose(
  deps: ComposeDeps,
  kind: AnnouncementKind,
  subject: string,
  channel: string,
  note: string | null,
): Promise<ComposeResult> {
  if (kind === 'digest') return { ok: true, announcement: await digestAnnouncement(deps, channel, note) };
  const role = deps.view.role(subject);
  if (!role) return { ok: false, reason: `The role ${subject} is no longer in the knowledge base.` };
  const onDelivered = kind === 'spotlight' ? [{ key: spotlightKey(channel), value: subject }] : [];
  return { ok: true, announcement: roleAnnouncement(deps, kind, role, note, onDelivered) };
}

/** Whether a digest would say anything new (a scheduled digest with nothing to say is skipped). */
export function digestHasNews(announcement: ComposedAnnouncement): boolean {
  return announcement.content.kind !== 'digest' || hasChanges(announcement.content.changes);
}

/** The note a role announcement carries unless the admin writes their own: a card describes an occupation across
 *  the country, not what this organisation plans. Every role announcement has a note. */
export function defaultRoleNote(title: string): string {
  return (
    `This card describes ${title} as an occupation across the US, from public research and statistics. It says ` +
    `nothing about plans or decisions here.`
  );
}

function roleAnnouncement(
  deps: ComposeDeps,
  kind: 'role' | 'spotlight',
  role: RoleAnswer,
  note: string | null,
  onDelivered: StateChange[],
): ComposedAnnouncement {
  const content: AnnouncementContent = { kind, note: note?.trim() || defaultRoleNote(role.role.title), role };
  return { kind, subject: role.role.id, content, message: deps.render(content), onDelivered };
}

async function digestAnnouncement(
  deps: ComposeDeps,
  channel: string,
  note: string | null,
): Promise<ComposedAnnouncement> {
  const previous = parseFingerprint(await deps.store.getState(digestKey(channel)));
  const content: AnnouncementContent = { kind: 'digest', note, changes: changesSince(previous, deps.view) };
  const fingerprint = fingerprintOf(deps.view, deps.now());
  return {
    kind: 'digest',
    subject: DIGEST_SUBJECT,
    content,
    message: deps.render(content),
    onDelivered: [{ key: digestKey(channel), value: JSON.stringify(fingerprint) }],
  };
}

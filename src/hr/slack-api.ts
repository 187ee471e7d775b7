// The few Slack Web API calls the HR features make, as a narrow interface the domain is written against.
// src/transports/slack adapts Bolt's WebClient to it; tests pass fakes. Every failure is one SlackCallError,
// sorted by what the caller must do about it.

export const ANNOUNCEMENT_EVENT_TYPE = 'airisk_announcement';

export interface AnnouncementMetadata {
  event_type: typeof ANNOUNCEMENT_EVENT_TYPE;
  event_payload: { outbox_id: string };
}

export interface HistoryMessage {
  ts: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface HrSlackApi {
  postMessage(args: {
    channel: string;
    text: string;
    blocks: unknown[];
    metadata?: AnnouncementMetadata;
  }): Promise<{ ts: string; channel: string }>;
  /** One page of conversations.history with include_all_metadata, newest first. */
  history(args: {
    channel: string;
    oldest: string;
    cursor?: string;
    limit: number;
  }): Promise<{ messages: HistoryMessage[]; nextCursor: string | null }>;
  /** User ids in a user group (usergroups.users.list). */
  usergroupMembers(usergroup: string): Promise<string[]>;
}

/**
 * rate_limited: Slack did not take the request; wait retryAfterSeconds and send again.
 * unavailable: no clear answer (5xx, network, timeout); Slack may or may not have acted on it.
 * refused: Slack answered ok:false with `code` (not_in_channel, missing_scope…); sending again will not help.
 */
export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'refused'; code: string; needed?: string };

export class SlackCallError extends Error {
  constructor(
    readonly method: string,
    readonly failure: SlackFailure,
  ) {
    super(
      `${method}: ${failure.kind === 'refused' ? failure.code : failure.kind === 'rate_limited' ? `rate limited, retry after ${failure.retryAfterSeconds}s` : failure.detail}`,
    );
    this.name = 'SlackCallError';
  }
}

/** The failure behind any error a Slack call threw; anything unrecognised counts as unavailable. */
export function slackFailureOf(err: unknown): SlackFailure {
  if (err instanceof SlackCallError) return err.failure;
  return { kind: 'unavailable', detail: err instanceof Error ? err.message : String(err) };
}

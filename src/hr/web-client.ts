// HrSlackApi on Slack's WebClient: the one file of the HR features that knows the SDK.
// Its own WebClient, with the SDK's automatic retries off: the SDK would re-post after a 5xx (a possible
// duplicate) and wait out 429s invisibly. Delivery decides instead, looking in the channel first when the
// outcome of a post is unknown.
import { webApi } from '@slack/bolt';
import { SlackCallError, type HrSlackApi, type SlackFailure } from './slack-api.js';

export interface HrWebClientOptions {
  token: string;
  /** Slack's API root; tests point it at a local fake. */
  slackApiUrl?: string;
  /** Per-request timeout; after it the outcome is unknown and delivery checks the channel. */
  timeoutMs?: number;
}

/** Slack's own words for "something went wrong on our side, part of it may have happened". */
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

function failureOfWebApiError(err: unknown): SlackFailure {
  if (err instanceof webApi.WebAPIRateLimitedError) return { kind: 'rate_limited', retryAfterSeconds: err.retryAfter };
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = err.data.error;
    if (code === 'ratelimited') return { kind: 'rate_limited', retryAfterSeconds: 1 };
    if (TRANSIENT_PLATFORM_ERRORS.has(code)) return { kind: 'unavailable', detail: code };
    const needed = (err.data as { needed?: unknown }).needed;
    return { kind: 'refused', code, ...(typeof needed === 'string' ? { needed } : {}) };
  }
  if (err instanceof webApi.WebAPIHTTPError) return { kind: 'unavailable', detail: `HTTP ${err.statusCode}` };
  if (err instanceof webApi.WebAPIRequestError) return { kind: 'unavailable', detail: err.original.message };
  return { kind: 'unavailable', detail: err instanceof Error ? err.message : String(err) };
}

export function createHrWebClient({ token, slackApiUrl, timeoutMs = 15_000 }: HrWebClientOptions): HrSlackApi {
  const client = new webApi.WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    logLevel: webApi.LogLevel.ERROR,
  });
  const call = async <T>(method: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw new SlackCallError(method, failureOfWebApiError(err));
    }
  };
  return {
    postMessage: (args) =>
      call('chat.postMessage', async () => {
        const result = await client.chat.postMessage({
          channel: args.channel,
          text: args.text,
          blocks: args.blocks as webApi.KnownBlock[],
          ...(args.metadata ? { metadata: args.metadata } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!result.ts) throw new webApi.WebAPIRequestError(new Error('chat.postMessage answered without a ts'));
        return { ts: result.ts, channel: result.channel ?? args.channel };
      }),
    history: (args) =>
      call('conversations.history', async () => {
        const result = await client.conversations.history({
          channel: args.channel,
          oldest: args.oldest,
          inclusive: true,
          include_all_metadata: true,
          limit: args.limit,
          ...(args.cursor ? { cursor: args.cursor } : {}),
        });
        return {
          messages: (result.messages ?? []).flatMap((m) =>
            m.ts
              ? [
                  {
                    ts: m.ts,
                    ...(m.metadata
                      ? {
                          metadata: {
                            event_type: m.metadata.event_type,
                            event_payload: m.metadata.event_payload as Record<string, unknown> | undefined,
                          },
                        }
                      : {}),
                  },
                ]
              : [],
          ),
          nextCursor: result.has_more ? result.response_metadata?.next_cursor || null : null,
        };
      }),
    usergroupMembers: (usergroup) =>
      call('usergroups.users.list', async () => {
        const result = await client.usergroups.users.list({ usergroup });
        return result.users ?? [];
      }),
  };
}

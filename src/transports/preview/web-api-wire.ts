// How Slack's Web API reads a request and pages a channel's history, for the two stand-ins for Slack: the
// preview's (./web-api.ts, what a person sees) and the tests' (test/support/fake-slack.ts, which adds only what
// tests need: recording every call, scripted failures, held answers, a clock of their own).

/** A Web API request body: JSON, or a form as the WebClient posts it, with objects and arrays (blocks, view,
 *  metadata) as JSON strings. Throws SyntaxError for a JSON body that does not parse. */
export function decodeWebApiBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) out[key] = /^\s*[[{]/.test(value) ? jsonOr(value) : value;
  return out;
}

function jsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A message as a channel's history keeps it. */
export interface HistoryMessage {
  ts: string;
  metadata?: unknown;
}

/** One page of conversations.history, as Slack answers it: the messages from `oldest` on (inclusive), newest
 *  first, at most `limit` (1–1000, default 100) from the offset `cursor`; their metadata only when
 *  include_all_metadata is asked for. `messages` are the channel's, oldest first; `shape` draws one. */
export function historyPage<M extends HistoryMessage>(
  messages: readonly M[],
  args: Record<string, unknown>,
  shape: (message: M) => Record<string, unknown>,
): Record<string, unknown> {
  const oldest = Number(args.oldest ?? 0);
  const limit = Math.max(1, Math.min(1000, Number(args.limit ?? 100) || 100));
  const offset = Number(args.cursor ?? 0) || 0;
  const withMetadata = String(args.include_all_metadata) === 'true';
  const inRange = messages.filter((m) => Number(m.ts) >= oldest).reverse();
  const more = offset + limit < inRange.length;
  return {
    ok: true,
    messages: inRange.slice(offset, offset + limit).map((m) => {
      const { metadata, ...shown } = shape(m);
      return withMetadata && metadata !== undefined ? { ...shown, metadata } : shown;
    }),
    has_more: more,
    response_metadata: { next_cursor: more ? String(offset + limit) : '' },
  };
}

// Bolt's receivers for HTTP mode and Socket Mode, each with a guard in front for what Bolt 5.1 lets through:
// - HTTPReceiver refuses a timestamp more than five minutes old but accepts any in the future; Slack's rule is
//   five minutes from local time either way (https://api.slack.com/authentication/verifying-requests-from-slack:
//   "If the timestamp is more than five minutes from local time, it could be a replay attack").
// - HTTPReceiver reads `body.ssl_check` outside any try, so a correctly signed body that parses to something
//   other than an object (JSON `null`, a form `payload=null`) is an unhandled rejection that ends the process.
// - SocketModeClient reads `event.type` and `event.payload.event.type` of each WebSocket message unchecked, with
//   the same result for a `null` message or payload.
// Bolt's own checks stay on behind the guards: signatures are verified again there.
import type { IncomingMessage } from 'node:http';
import {
  HTTPModuleFunctions,
  HTTPReceiver,
  SocketModeReceiver,
  verifySlackRequest,
  type LogLevel,
  type Logger,
  type Receiver,
} from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Settings } from '../../config/settings.js';
import { logText } from '../log-text.js';

/** Slack's window: a request whose timestamp is further than this from our clock is refused. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
const EVENTS_PATH = '/slack/events';

/** Whether a parsed body or WebSocket message has the shape every Slack payload has: a JSON object. */
const isSlackObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A receiver, and the guard to put in front of it once the app (and so its logger) exists. */
export interface GuardedReceiver {
  receiver: Receiver;
  guard?: (logger: Logger) => void;
}

/** Bolt's receiver for the settings' mode (HTTP or Socket Mode), with its guard. */
export function slackReceiver(
  settings: Settings,
  options: { logLevel: LogLevel; logger?: Logger; clientOptions: WebClientOptions },
): GuardedReceiver {
  const logger = options.logger ? { logger: options.logger } : {};
  if (settings.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: settings.appToken ?? '',
      logLevel: options.logLevel,
      ...logger,
      installerOptions: { clientOptions: options.clientOptions },
    });
    return { receiver, guard: (log) => guardSocketMode(receiver, log) };
  }
  const signingSecret = settings.signingSecret ?? '';
  const receiver = new HTTPReceiver({
    signingSecret,
    logLevel: options.logLevel,
    ...logger,
    processEventErrorHandler: logProcessEventError,
  });
  return { receiver, guard: (log) => guardHttp(receiver, signingSecret, log) };
}

/** Bolt's default answer (500, or 401 for an authorization failure), with what went wrong in the log rather
 *  than only at debug level. */
async function logProcessEventError(args: Parameters<typeof HTTPModuleFunctions.defaultProcessEventErrorHandler>[0]) {
  args.logger.error(`airisk could not process a Slack request: ${logText(String(args.error))}`);
  return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
}

/** Puts the checks in front of Bolt's request listener (its server calls `requestListener` on each request). */
function guardHttp(receiver: HTTPReceiver, signingSecret: string, logger: Logger, now = Date.now): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== EVENTS_PATH)
      return bolt(req, res);
    refusal(req, signingSecret, now).then(
      (refused) => {
        if (!refused) return bolt(req, res);
        logger.warn(`Slack request refused (${refused.status}): ${refused.reason}`);
        res.writeHead(refused.status);
        res.end();
      },
      (err: unknown) => {
        logger.warn(`Slack request refused: ${logText(String(err))}`);
        // The body was not read to its end: close the connection rather than leave the rest in the way of a next
        // request.
        res.writeHead(HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413 ? 413 : 400, {
          connection: 'close',
        });
        res.end();
      },
    );
  };
}

/** Why a request to the events endpoint must not reach Bolt, or null to pass it on. The body is buffered on the
 *  request, where Bolt reads it from. */
async function refusal(
  req: IncomingMessage,
  signingSecret: string,
  now: () => number,
): Promise<{ status: number; reason: string } | null> {
  const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  const signature = req.headers['x-slack-signature'];
  // Without both headers Bolt refuses it (or answers Slack's unsigned ssl_check).
  if (!Number.isFinite(timestamp) || typeof signature !== 'string') return null;
  const skew = timestamp - Math.floor(now() / 1000);
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS)
    return {
      status: 401,
      reason:
        `its timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} this server's clock, more ` +
        `than Slack's 5 minutes (a replayed request, or this server's clock is wrong)`,
    };
  const body = buffered.rawBody.toString();
  try {
    verifySlackRequest({
      signingSecret,
      body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
  } catch {
    return null; // Bolt refuses it with 401 and says why.
  }
  let parsed: unknown;
  try {
    parsed = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return null; // Bolt answers 400 (malformed body).
  }
  return isSlackObject(parsed)
    ? null
    : { status: 400, reason: `the signed body is not a Slack payload (it is ${describe(parsed)}, not an object)` };
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** Drops WebSocket messages that are not Slack envelopes before the Socket Mode client reads them. The client
 *  (@slack/socket-mode 3) hears each message as its own `ws_message` event; the guard takes that listener's
 *  place and calls it for envelopes only (test/slack/socket-mode.test.ts fails if the event is renamed). */
function guardSocketMode(receiver: SocketModeReceiver, logger: Logger): void {
  const { client } = receiver;
  const readers = client.listeners('ws_message') as ((data: unknown, isBinary: boolean) => unknown)[];
  client.removeAllListeners('ws_message');
  for (const read of readers)
    client.on('ws_message', (data: unknown, isBinary: boolean) => {
      const problem = isBinary ? null : envelopeProblem(data);
      if (problem) {
        logger.warn(`Socket Mode message ignored: ${problem}`);
        return;
      }
      return Promise.resolve(read(data, isBinary)).catch((err: unknown) =>
        logger.error(`Socket Mode message failed: ${logText(String(err))}`),
      );
    });
}

function envelopeProblem(data: unknown): string | null {
  let message: unknown;
  try {
    message = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer));
  } catch {
    return null; // The client ignores text that is not JSON.
  }
  if (!isSlackObject(message)) return `it is ${describe(message)}, not a Slack envelope`;
  if (message.type === 'hello' || message.type === 'disconnect') return null;
  if (!isSlackObject(message.payload)) return `its payload is ${describe(message.payload)}, not an object`;
  if (message.type === 'events_api' && !isSlackObject(message.payload.event))
    return `its event is ${describe(message.payload.event)}, not an object`;
  return null;
}

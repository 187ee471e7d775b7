// A Bolt Receiver for the local preview: instead of reading Slack's HTTP requests, it is handed the payloads
// the page produced and gives them to app.processEvent, exactly as HTTPReceiver does. The same app, the same
// middleware and listeners, so the preview shows what Slack would get. Nothing here talks to Slack.
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/** Slack shows an error when an app takes longer than this to acknowledge a request. */
const ACK_DEADLINE_MS = 3000;

export interface DispatchOutcome {
  /** Whether a listener (or Bolt, for events) acknowledged the request, and with what body. */
  acked: boolean;
  response: unknown;
  ackMs: number | null;
}

export interface DispatchOptions {
  /** Called the moment the app acknowledges, with the ack body (e.g. a view_submission's response_action). */
  onAck?(response: unknown): void;
  /** Called when the app did not acknowledge within Slack's deadline. */
  onLate?(): void;
}

export class PreviewReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  // The preview server owns the HTTP side; the app has nothing to listen on.
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Hands one Slack payload to the app and resolves when its listeners have finished. */
  async dispatch(body: Record<string, unknown>, options: DispatchOptions = {}): Promise<DispatchOutcome> {
    const app = this.app;
    if (!app) throw new Error('The preview receiver is not attached to a Bolt app yet.');
    const started = Date.now();
    const outcome: DispatchOutcome = { acked: false, response: undefined, ackMs: null };
    const late = setTimeout(() => {
      if (!outcome.acked) options.onLate?.();
    }, ACK_DEADLINE_MS);
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (outcome.acked) return;
        outcome.acked = true;
        outcome.response = response;
        outcome.ackMs = Date.now() - started;
        options.onAck?.(response);
      },
    };
    try {
      await app.processEvent(event);
    } finally {
      clearTimeout(late);
    }
    return outcome;
  }
}

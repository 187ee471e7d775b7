// A Bolt receiver for the local preview: the page's actions become the payloads Slack would send, handed to
// the same Bolt app and listeners. Nothing here talks to Slack.
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

export class PreviewReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Dispatches one payload and returns what the listener acknowledged with (e.g. view errors). */
  async dispatch(body: Record<string, unknown>): Promise<unknown> {
    if (!this.app) throw new Error('preview receiver is not attached to an app');
    let acked: unknown;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        acked = response;
      },
    };
    await this.app.processEvent(event);
    return acked;
  }
}

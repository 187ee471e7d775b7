// The assistant's decorations (status line, suggested prompts, thread title) must never cost the person the
// answer: a refusal (a missing scope, a thread Slack no longer knows) is logged and the listener goes on.
import type { Logger } from '@slack/bolt';
import { logText } from '../../../log-text.js';

export async function bestEffort(logger: Logger, what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    logger.warn(logText(`assistant: could not ${what}: ${(err as Error).message}`));
  }
}

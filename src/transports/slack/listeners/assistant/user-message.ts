// A message in an assistant thread: the status line while the answer is composed, then exactly one answer in
// the thread (a card, a path, a comparison, an FAQ, or did-you-mean), read in the light of the role the thread
// is about ("what about nurses?", "show the path", "compare with registered nurse"); the thread is then titled
// after its subject and remembers it, in the store, for the next message wherever it lands.
import type { AssistantUserMessageMiddleware } from '@slack/bolt';
import type { Answer } from '../../../../answers/types.js';
import { lexicon } from '../../../../engine/lexicon.js';
import {
  ASSISTANT_FAILED,
  COMPOSING_LOADING_MESSAGES,
  COMPOSING_STATUS,
} from '../../../../renderers/blockkit/assistant.js';
import { followUp } from '../../../../requests/follow-up.js';
import { stripSlackMarkup } from '../../../../requests/slack-markup.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply } from '../../pipeline.js';
import type { ThreadMemory } from '../../thread-memory.js';
import { bestEffort } from './best-effort.js';
import { rememberAnswer } from './remember.js';

export function userMessage(deps: SlackDeps, memory: ThreadMemory): AssistantUserMessageMiddleware {
  return async ({ message, say, setStatus, setTitle, logger }) => {
    // Only what a person typed: never a bot's message (our own replies included) or an edit.
    if ('bot_id' in message || message.subtype !== undefined || !('thread_ts' in message) || !message.thread_ts) return;
    const { channel, thread_ts: threadTs } = message;
    await bestEffort(logger, 'set the status', () =>
      setStatus({ status: COMPOSING_STATUS, loading_messages: COMPOSING_LOADING_MESSAGES }),
    );
    let answer: Answer;
    try {
      const { role } = await memory.get(channel, threadTs);
      const request = followUp(stripSlackMarkup(message.text ?? ''), role ?? null, lexicon);
      answer = await answerAndReply(deps, request, { surface: 'posted', send: (m) => say(m) });
    } catch (err) {
      // Slack clears the status when a message is posted; without one it would spin for two minutes.
      await bestEffort(logger, 'clear the status', () => setStatus(''));
      await bestEffort(logger, 'say the answer failed', () => say(ASSISTANT_FAILED));
      throw err;
    }
    await rememberAnswer(memory, { channel, threadTs }, answer, setTitle, logger);
  };
}

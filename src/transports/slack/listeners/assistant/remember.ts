// After an answer in an assistant thread: the thread is titled after the role it is about and remembers the role,
// for the follow-ups; both for a message typed in the thread and for a button clicked on a card in it.
import type { Logger } from '@slack/bolt';
import type { Answer, RoleRef } from '../../../../answers/types.js';
import { threadTitle } from '../../../../renderers/blockkit/assistant.js';
import type { ThreadMemory } from '../../thread-memory.js';
import { bestEffort } from './best-effort.js';

export async function rememberAnswer(
  memory: ThreadMemory,
  thread: { channel: string; threadTs: string },
  answer: Answer,
  setTitle: (title: string) => Promise<unknown>,
  logger: Logger,
): Promise<void> {
  const title = threadTitle(answer);
  const subject = subjectOf(answer);
  await Promise.all([
    title ? bestEffort(logger, 'set the thread title', () => setTitle(title)) : undefined,
    subject ? memory.update(thread.channel, thread.threadTs, { role: subject }) : undefined,
  ]);
}

/** The role an answer is about, which follow-ups then refer to; a comparison keeps its first role. */
function subjectOf(answer: Answer): RoleRef | null {
  const role =
    answer.kind === 'role' || answer.kind === 'path'
      ? answer.role
      : answer.kind === 'compare'
        ? answer.roles[0].role
        : null;
  return role ? { id: role.id, title: role.title, soc: role.soc } : null;
}

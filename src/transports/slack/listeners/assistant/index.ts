// The assistant split view, with Bolt's Assistant class: it takes assistant_thread_started,
// assistant_thread_context_changed and the messages of assistant threads (message.im with a thread_ts) before
// any other listener, so a message in a thread is answered here and never also as a plain DM.
import { Assistant, type App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { localThreadMemory, threadContextStore } from '../../thread-memory.js';
import { contextChanged } from './context-changed.js';
import { threadStarted } from './thread-started.js';
import { userMessage } from './user-message.js';

export function registerAssistant(app: App, deps: SlackDeps): void {
  const memory = deps.threads ?? localThreadMemory();
  // (registerListeners hands every listener the same memory; the fallback is for registering this alone.)
  app.assistant(
    new Assistant({
      threadContextStore: threadContextStore(memory),
      threadStarted: threadStarted(deps),
      threadContextChanged: contextChanged(deps, memory),
      userMessage: userMessage(deps, memory),
    }),
  );
}

import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SHORTCUTS } from '../../manifest-ids.js';
import { checkAiRisk } from './check-ai-risk.js';

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut(SHORTCUTS.checkAiRisk, checkAiRisk(deps));
}

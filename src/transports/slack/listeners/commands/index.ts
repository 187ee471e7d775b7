import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { COMMAND } from '../../manifest-ids.js';
import { airiskCommand } from './airisk.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, airiskCommand(deps));
}

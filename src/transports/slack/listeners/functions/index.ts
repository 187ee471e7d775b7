import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { FUNCTIONS } from '../../manifest-ids.js';
import { roleCardStep } from './role-card.js';

export function registerFunctions(app: App, deps: SlackDeps): void {
  app.function(FUNCTIONS.roleCard, roleCardStep(deps));
}

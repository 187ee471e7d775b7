// Post on an announcement preview: confirms it (once) and delivers it exactly once.
import type { SlackDeps } from '../../deps.js';
import { hrButton } from './hr-button.js';

export const hrPost = (deps: SlackDeps) => hrButton(deps, (hr, user, outboxId) => hr.post(user, outboxId));

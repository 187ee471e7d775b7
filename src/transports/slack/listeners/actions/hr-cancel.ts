// Cancel on an announcement preview: nothing is posted.
import type { SlackDeps } from '../../deps.js';
import { hrButton } from './hr-button.js';

export const hrCancel = (deps: SlackDeps) => hrButton(deps, (hr, user, outboxId) => hr.cancel(user, outboxId));

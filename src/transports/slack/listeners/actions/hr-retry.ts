// Retry on a failed announcement (e.g. after inviting the bot): delivers it, still at most once.
import type { SlackDeps } from '../../deps.js';
import { hrButton } from './hr-button.js';

export const hrRetry = (deps: SlackDeps) => hrButton(deps, (hr, user, outboxId) => hr.retry(user, outboxId));

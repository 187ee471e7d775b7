// Retry on a failed announcement (e.g. after inviting the bot): delivers it, still at most once.
import type { HrService } from '../../../../hr/service.js';
import { hrButton } from './hr-button.js';

export const hrRetry = (hr: HrService) => hrButton(hr, (service, user, outboxId) => service.retry(user, outboxId));

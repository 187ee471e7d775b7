// Cancel on an announcement preview: nothing is posted.
import type { HrService } from '../../../../hr/service.js';
import { hrButton } from './hr-button.js';

export const hrCancel = (hr: HrService) => hrButton(hr, (service, user, outboxId) => service.cancel(user, outboxId));

// Post on an announcement preview: confirms it (once) and delivers it exactly once.
import type { HrService } from '../../../../hr/service.js';
import { hrButton } from './hr-button.js';

export const hrPost = (hr: HrService) => hrButton(hr, (service, user, outboxId) => service.post(user, outboxId));

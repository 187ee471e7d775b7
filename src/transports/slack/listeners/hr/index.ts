// The HR features' buttons and modal (announcement previews: Post, Edit, Cancel; Retry after a failure),
// registered only when HR is on. Their slash subcommands come through the /airisk command (./hr-command.ts).
import type { App } from '@slack/bolt';
import type { HrService } from '../../../../hr/service.js';
import { ACTIONS, VIEWS } from '../../../../renderers/blockkit/ids.js';
import { hrCancel } from './hr-cancel.js';
import { hrEditSubmitted } from './hr-edit-submitted.js';
import { hrEdit } from './hr-edit.js';
import { hrPost } from './hr-post.js';
import { hrRetry } from './hr-retry.js';

export function registerHr(app: App, hr: HrService): void {
  app.action(ACTIONS.hrPost, hrPost(hr));
  app.action(ACTIONS.hrEdit, hrEdit(hr));
  app.action(ACTIONS.hrCancel, hrCancel(hr));
  app.action(ACTIONS.hrRetry, hrRetry(hr));
  app.view(VIEWS.hrEdit, hrEditSubmitted(hr));
}

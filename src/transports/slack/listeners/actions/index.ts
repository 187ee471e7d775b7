import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { ACTIONS, anyNthAction } from '../../../../renderers/blockkit/ids.js';
import { feedback } from './feedback.js';
import { feedbackButtons } from './feedback-buttons.js';
import { openCompare } from './open-compare.js';
import { openDetails } from './open-details.js';
import { openLookup } from './open-lookup.js';
import { pickRole } from './pick-role.js';
import { shareCard } from './share-card.js';
import { showPath } from './show-path.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.path, showPath(deps));
  app.action(ACTIONS.details, openDetails(deps));
  app.action(anyNthAction(ACTIONS.pickRole), pickRole(deps));
  app.action(ACTIONS.share, shareCard(deps));
  app.action(ACTIONS.helpful, feedback(deps, true));
  app.action(ACTIONS.notHelpful, feedback(deps, false));
  app.action(ACTIONS.feedback, feedbackButtons(deps));
  app.action(ACTIONS.compare, openCompare(deps));
  app.action(ACTIONS.openLookup, openLookup());
}

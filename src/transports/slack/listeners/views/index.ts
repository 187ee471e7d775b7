import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { VIEWS } from '../../../../renderers/blockkit/ids.js';
import { compareSubmitted } from './compare-submitted.js';
import { lookupSubmitted } from './lookup-submitted.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(VIEWS.lookup, lookupSubmitted(deps));
  app.view(VIEWS.compare, compareSubmitted(deps));
}

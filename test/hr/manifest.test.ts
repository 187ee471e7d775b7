// manifest.yml declares what the HR features use: the scopes of the Web API methods they call, a listener for
// every HR button and modal they draw, and escaped command text so a picked #channel arrives as its id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VIEWS, type ACTIONS } from '../../src/renderers/blockkit/ids.js';
import { SCOPES } from '../../src/transports/slack/manifest-ids.js';

const manifest = parse(readFileSync('manifest.yml', 'utf8'));
const read = (path: string) => readFileSync(path, 'utf8');

/** Bot scopes Slack requires per method (api.slack.com/methods): public and private channels for history. */
const SCOPES_OF: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'conversations.history': ['channels:history', 'groups:history'],
  'usergroups.users.list': ['usergroups:read'],
};

describe('manifest.yml for the HR features', () => {
  it('requests the scope of every Web API method the HR client calls', () => {
    const calls = [...read('src/hr/web-client.ts').matchAll(/client\.([a-z]+(?:\.[a-zA-Z]+)+)\(/g)].map(
      (m) => m[1] as string,
    );
    expect(calls.sort()).toEqual(Object.keys(SCOPES_OF).sort());
    for (const scope of calls.flatMap((method) => SCOPES_OF[method] ?? [`unknown scope for ${method}`])) {
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
      expect(SCOPES).toHaveProperty([scope]);
    }
  });

  it('has a listener for every HR button and the Edit modal', () => {
    const drawn = [...read('src/renderers/blockkit/hr.ts').matchAll(/ACTIONS\.(hr[A-Za-z]+)/g)].map(
      (m) => m[1] as keyof typeof ACTIONS,
    );
    expect(new Set(drawn)).toEqual(new Set(['hrPost', 'hrEdit', 'hrCancel', 'hrRetry']));
    const registered = read('src/transports/slack/listeners/hr/index.ts');
    for (const id of drawn) expect(registered).toContain(`app.action(ACTIONS.${id},`);
    expect(registered).toContain('app.view(VIEWS.hrEdit,');
    expect(VIEWS.hrEdit).toMatch(/^airisk_/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('escapes /airisk text, so "#hr-news" picked from the list arrives as <#C…|hr-news>', () => {
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
  });
});

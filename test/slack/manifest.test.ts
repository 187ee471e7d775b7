// manifest.yml declares exactly what the code uses, derived from the code itself: the listeners
// registerListeners() registers (recorded on a stand-in app), the buttons and modals the renderers draw, and the
// Web API methods the source calls, each mapped to the bot scopes Slack requires for it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerMessage, roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { compareModal, homeView, lookupModal } from '../../src/renderers/blockkit/views.js';
import { bootEngine } from '../../src/transports/boot.js';
import { registerListeners } from '../../src/transports/slack/app.js';
import { SCOPES } from '../../src/transports/slack/manifest-ids.js';

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: { command: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}
const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;
const { engine } = bootEngine();

/** Bot scopes Slack requires (api.slack.com/methods, api.slack.com/events) for each thing the code can use. */
const SCOPES_NEEDED: Record<string, string[]> = {
  'slash command': ['commands'],
  'event app_mention': ['app_mentions:read'],
  'event message.im': ['im:history'],
  'event app_home_opened': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  'auth.test': [],
  'conversations.history': ['channels:history', 'groups:history'],
  'usergroups.users.list': ['usergroups:read'],
};

type Constraint = string | RegExp | { action_id?: string | RegExp; callback_id?: string | RegExp };

/** Every registration registerListeners makes, by Bolt method (command, event, action, view, ...). */
function recordRegistrations(): Map<string, Constraint[]> {
  const registered = new Map<string, Constraint[]>();
  const recorder = new Proxy(
    {},
    {
      get: (_target, method: string) => (constraint: Constraint) =>
        registered.set(method, [...(registered.get(method) ?? []), constraint]),
    },
  );
  registerListeners(recorder as App, { engine, hooks: {}, subcommands: new Map() });
  return registered;
}
const registered = recordRegistrations();

function matches(constraint: Constraint, id: string, key: 'action_id' | 'callback_id'): boolean {
  const c = typeof constraint === 'object' && !(constraint instanceof RegExp) ? constraint[key] : constraint;
  return c instanceof RegExp ? c.test(id) : c === id;
}

/** Every Web API method called anywhere in src (client.chat.postMessage(...) and the like). */
function webApiMethodsInSource(dir = 'src'): Set<string> {
  const methods = new Set<string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) webApiMethodsInSource(path).forEach((m) => methods.add(m));
    else if (name.endsWith('.ts'))
      for (const m of readFileSync(path, 'utf8').matchAll(/\bclient\.([a-z]+(?:\.[a-zA-Z]+)+)\(/g))
        methods.add(m[1] as string);
  }
  return methods;
}

/** Buttons anywhere in a surface's blocks (sections' accessories included). */
function buttonsIn(blocks: unknown[]): { action_id: string }[] {
  const found: { action_id: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'button' && typeof o.action_id === 'string') found.push({ action_id: o.action_id });
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}

describe('manifest.yml', () => {
  it('registers listeners only of kinds the manifest can declare', () => {
    expect([...registered.keys()].sort()).toEqual(['action', 'command', 'event', 'view']);
  });

  it('declares exactly the slash commands registered, each with a description and usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(
      [...(registered.get('command') ?? [])].sort(),
    );
    for (const c of manifest.features.slash_commands) {
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.usage_hint.length).toBeGreaterThan(5);
    }
  });

  it('subscribes to exactly the events the listeners handle', () => {
    // A "message" listener that answers DMs is the message.im subscription (the listener checks channel_type im).
    const events = (registered.get('event') ?? []).map((e) => (e === 'message' ? 'message.im' : String(e)));
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(events.sort());
  });

  it('has a listener for every button and modal the renderers draw, and interactivity on', () => {
    const surfaces = [
      roleCardMessage(engine.roleById('medical-coder')!),
      ...[
        engine.path('medical coder'),
        engine.compare('medical coder vs registered nurse'),
        engine.ask('manager'),
        engine.ask('qwxzzv plorft'),
        engine.ask('is medical coding still worth learning?'),
        engine.help(),
      ].map(answerMessage),
      homeView(engine.help()),
    ];
    const actionIds = new Set(surfaces.flatMap((s) => buttonsIn(s.blocks).map((b) => b.action_id)));
    expect(actionIds.size).toBeGreaterThan(5);
    for (const id of actionIds)
      expect(
        (registered.get('action') ?? []).some((c) => matches(c, id, 'action_id')),
        `no listener for button ${id}`,
      ).toBe(true);
    for (const modal of [lookupModal(), compareModal('Medical Coder', { roleId: 'medical-coder' })]) {
      expect(
        (registered.get('view') ?? []).some((c) => matches(c, modal.callback_id ?? '', 'callback_id')),
        `no listener for modal ${modal.callback_id}`,
      ).toBe(true);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('requests exactly the bot scopes that the commands, events and Web API calls need', () => {
    const used = [
      'slash command',
      ...manifest.settings.event_subscriptions.bot_events.map((e) => `event ${e}`),
      ...webApiMethodsInSource(),
    ];
    const unknown = used.filter((u) => !(u in SCOPES_NEEDED));
    expect(unknown, 'add the scopes Slack requires for these to SCOPES_NEEDED').toEqual([]);
    const needed = new Set(used.flatMap((u) => SCOPES_NEEDED[u] ?? []));
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    // manifest-ids.ts documents each scope's reason; it lists the same scopes.
    expect(Object.keys(SCOPES).sort()).toEqual([...needed].sort());
  });

  it('enables the Home tab (App Home), the Messages tab (DMs and answers sent to people) and Socket Mode', () => {
    expect(registered.get('event')).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

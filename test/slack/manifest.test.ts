// manifest.yml declares exactly what the code uses, derived from the code itself: the listeners
// registerListeners() registers (recorded on a stand-in app: commands, events, actions, views, the message
// shortcut, the Workflow Builder step and Bolt's Assistant), the buttons and modals the renderers draw, and the
// Web API methods the source calls (directly, or through Bolt's assistant and function utilities), each mapped
// to the bot scopes Slack requires for it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lexicon } from '../../src/engine/lexicon.js';
import type { HrService } from '../../src/hr/service.js';
import { followUp } from '../../src/requests/follow-up.js';
import { ACTIONS, VIEWS } from '../../src/renderers/blockkit/ids.js';
import { answerMessage, messageFor, roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { rolesInMessageModal } from '../../src/renderers/blockkit/shortcut.js';
import { compareModal, homeView, lookupModal } from '../../src/renderers/blockkit/views.js';
import { roleCardOutputs } from '../../src/renderers/workflow.js';
import { bootEngine } from '../../src/app/boot.js';
import { registerListeners } from '../../src/transports/slack/app.js';
import { EVENTS, SCOPES } from '../../src/transports/slack/manifest-ids.js';

interface FunctionParameter {
  type: string;
  title: string;
  description: string;
  is_required: boolean;
  name: string;
}
interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: { command: string; description: string; usage_hint: string }[];
    assistant_view?: { assistant_description: string; suggested_prompts?: { title: string; message: string }[] };
    shortcuts?: { name: string; type: 'message' | 'global'; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
    function_runtime?: string;
  };
  functions?: Record<
    string,
    {
      title: string;
      description: string;
      input_parameters: Record<string, FunctionParameter>;
      output_parameters: Record<string, FunctionParameter>;
    }
  >;
}
const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;
const { engine } = bootEngine();

/** Bot scopes Slack requires (docs.slack.dev/reference/methods, /events) for each thing the code can use. */
const SCOPES_NEEDED: Record<string, string[]> = {
  'slash command': ['commands'],
  // Shortcuts come with the commands scope (docs.slack.dev/interactivity/implementing-shortcuts).
  'message shortcut': ['commands'],
  // The assistant view: "add the assistant:write, chat:write and im:history scopes" (Bolt's assistant guide).
  'assistant view': ['assistant:write', 'chat:write', 'im:history'],
  'event app_mention': ['app_mentions:read'],
  'event message.im': ['im:history'],
  'event app_home_opened': [],
  'event assistant_thread_started': [],
  'event assistant_thread_context_changed': [],
  'event function_executed': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  'auth.test': [],
  'conversations.history': ['channels:history', 'groups:history'],
  // A public channel needs channels:read, a private one groups:read.
  'conversations.info': ['channels:read', 'groups:read'],
  'usergroups.users.list': ['usergroups:read'],
  // "accepts either the assistant:write or chat:write scope for the time being. Soon … only chat:write".
  'assistant.threads.setStatus': ['chat:write'],
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
  // On the execution's bot_access_token: "No scope required".
  'functions.completeSuccess': [],
  'functions.completeError': [],
};

/** Events an Assistant handles (Bolt's "Using the Assistant class") and the one an app.function step needs. */
const ASSISTANT_EVENTS = ['assistant_thread_started', 'assistant_thread_context_changed', 'message.im'];
const FUNCTION_EVENTS = ['function_executed'];

/** Bolt's listener utilities and the Web API methods they call (Bolt 5.1's Assistant and CustomFunction). */
const BOLT_UTILITIES: [RegExp, string][] = [
  [/\bsetStatus\(/, 'assistant.threads.setStatus'],
  [/\bsetSuggestedPrompts\(/, 'assistant.threads.setSuggestedPrompts'],
  [/\bsetTitle\(/, 'assistant.threads.setTitle'],
  [/\bsay\(/, 'chat.postMessage'],
  [/\bcomplete\(\{/, 'functions.completeSuccess'],
  [/\bfail\(\{/, 'functions.completeError'],
];

type Constraint = string | RegExp | { action_id?: string | RegExp; callback_id?: string | RegExp };

/** Every registration registerListeners makes, by Bolt method (command, event, action, view, ...). */
function recordRegistrations(hr: HrService | null = {} as HrService): Map<string, Constraint[]> {
  const registered = new Map<string, Constraint[]>();
  const recorder = new Proxy(
    {},
    {
      get: (_target, method: string) => (constraint: Constraint) =>
        registered.set(method, [...(registered.get(method) ?? []), constraint]),
    },
  );
  // By default with HR on (a stand-in service: registering reads nothing of it), so its buttons and modal count.
  registerListeners(recorder as App, { engine, hooks: {}, ...(hr ? { hr } : {}) });
  return registered;
}
const registered = recordRegistrations();

function matches(constraint: Constraint, id: string, key: 'action_id' | 'callback_id'): boolean {
  const c = typeof constraint === 'object' && !(constraint instanceof RegExp) ? constraint[key] : constraint;
  return c instanceof RegExp ? c.test(id) : c === id;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every Web API method called anywhere in src (client.chat.postMessage(...) and the like), and those the
 *  Slack listeners call through Bolt's utilities (setStatus(...) is assistant.threads.setStatus). */
function webApiMethodsInSource(): Set<string> {
  const methods = new Set<string>();
  for (const path of sourceFiles('src')) {
    const source = readFileSync(path, 'utf8');
    for (const m of source.matchAll(/\bclient\.([a-z]+(?:\.[a-zA-Z]+)+)\(/g)) methods.add(m[1] as string);
    if (path.startsWith(join('src', 'transports', 'slack', 'listeners')))
      for (const [call, method] of BOLT_UTILITIES) if (call.test(source)) methods.add(method);
  }
  return methods;
}

/** Buttons anywhere in a surface's blocks (sections' accessories and feedback buttons included). */
function buttonsIn(blocks: unknown[]): { action_id: string }[] {
  const found: { action_id: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'button' || o.type === 'feedback_buttons') && typeof o.action_id === 'string')
        found.push({ action_id: o.action_id });
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}

describe('manifest.yml', () => {
  it('registers listeners only of kinds the manifest can declare', () => {
    expect([...registered.keys()].sort()).toEqual([
      'action',
      'assistant',
      'command',
      'event',
      'function',
      'shortcut',
      'view',
    ]);
  });

  it('registers the HR buttons and modal only when HR is on', () => {
    const hrIds = [ACTIONS.hrPost, ACTIONS.hrEdit, ACTIONS.hrCancel, ACTIONS.hrRetry, VIEWS.hrEdit];
    const ids = (r: Map<string, Constraint[]>) => [...(r.get('action') ?? []), ...(r.get('view') ?? [])];
    expect(ids(recordRegistrations(null)).filter((c) => hrIds.includes(c as never))).toEqual([]);
    expect(ids(registered)).toEqual(expect.arrayContaining(hrIds));
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

  it('subscribes to exactly the events the listeners, the assistant and the workflow step handle', () => {
    // A "message" listener that answers DMs is the message.im subscription (the listener checks channel_type im).
    const events = new Set([
      ...(registered.get('event') ?? []).map((e) => (e === 'message' ? 'message.im' : String(e))),
      ...(registered.has('assistant') ? ASSISTANT_EVENTS : []),
      ...(registered.has('function') ? FUNCTION_EVENTS : []),
    ]);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...events].sort());
    // The preview sends only the events manifest-ids.ts lists, which are the manifest's.
    expect([...EVENTS].sort()).toEqual([...events].sort());
  });

  it('declares the assistant view exactly when an Assistant is registered, with prompts the app can answer', () => {
    expect(registered.get('assistant')?.length).toBe(1);
    const view = manifest.features.assistant_view;
    expect(view?.assistant_description.length).toBeGreaterThan(20);
    const prompts = view?.suggested_prompts ?? [];
    // Slack shows up to four (assistant.threads.setSuggestedPrompts).
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const p of prompts) {
      expect(p.title.trim(), 'a prompt needs a title').not.toBe('');
      const answer = engine.answer(followUp(p.message, null, lexicon));
      expect(answer.kind, `"${p.message}" must get an answer, not a did-you-mean`).not.toMatch(/not_found|ambiguous/);
    }
  });

  it("declares exactly the message shortcuts registered, within Slack's limits", () => {
    const declared = manifest.features.shortcuts ?? [];
    expect(declared.map((c) => c.callback_id).sort()).toEqual((registered.get('shortcut') ?? []).map(String).sort());
    for (const c of declared) {
      expect(c.type).toBe('message');
      // The manifest schema: name 1–24 characters, description 1–150.
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(24);
      expect(c.description.length).toBeLessThanOrEqual(150);
    }
  });

  it('declares exactly the workflow steps registered, with the settings Slack requires for remote functions', () => {
    const functions = manifest.functions ?? {};
    expect(Object.keys(functions).sort()).toEqual((registered.get('function') ?? []).map(String).sort());
    expect(manifest.settings.function_runtime).toBe('remote');
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    const step = functions.airisk_role_card;
    expect(step?.title).toBe('AI career card for a role');
    // The inputs the listener reads, with the types Workflow Builder offers for them.
    const inputs = step?.input_parameters ?? {};
    expect(Object.keys(inputs).sort()).toEqual(['channel', 'role']);
    expect(inputs.role).toMatchObject({ type: 'string', is_required: true, name: 'role' });
    expect(inputs.channel).toMatchObject({ type: 'slack#/types/channel_id', is_required: false, name: 'channel' });
    // Every output the step can give is declared with its type; every required output is always given.
    const outputs = step?.output_parameters ?? {};
    const typeOf = { number: 'number', string: 'string' } as const;
    for (const id of ['medical-coder', 'registered-nurse', 'pharmacy-technician', 'software-developers']) {
      const given = roleCardOutputs(engine.card(id)!) as unknown as Record<string, unknown>;
      for (const [name, value] of Object.entries(given)) {
        expect(outputs[name], `output ${name} is not declared`).toBeDefined();
        expect(outputs[name]?.type).toBe(typeOf[typeof value as keyof typeof typeOf]);
        expect(outputs[name]?.name).toBe(name);
      }
      for (const [name, p] of Object.entries(outputs)) if (p.is_required) expect(given[name]).toBeDefined();
    }
  });

  it('has a listener for every button and modal the renderers draw, and interactivity on', () => {
    const surfaces = [
      roleCardMessage(engine.card('medical-coder')!),
      messageFor(engine.card('medical-coder')!, 'posted'),
      rolesInMessageModal([engine.card('medical-coder')!, engine.card('registered-nurse')!]),
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
      ...(manifest.features.shortcuts?.length ? ['message shortcut'] : []),
      ...(manifest.features.assistant_view ? ['assistant view'] : []),
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

// manifest.yml declares exactly what the code uses: the command, events, actions (interactivity) and scopes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND, EVENTS, SCOPES } from '../../src/transports/slack/manifest-ids.js';

const manifest = parse(readFileSync('manifest.yml', 'utf8'));
const listenerSource = (folder: string) =>
  readdirSync(join('src/transports/slack/listeners', folder))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join('src/transports/slack/listeners', folder, f), 'utf8'))
    .join('\n');

describe('manifest.yml', () => {
  it('declares the slash command the code registers, with a description and usage hint', () => {
    const commands = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual([COMMAND]);
    expect(listenerSource('commands')).toContain('app.command(COMMAND');
    expect(manifest.features.slash_commands[0].description.length).toBeGreaterThan(10);
    expect(manifest.features.slash_commands[0].usage_hint.length).toBeGreaterThan(5);
  });

  it('subscribes to exactly the events the listeners handle', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...EVENTS].sort());
    const events = listenerSource('events');
    const registered = [...events.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]);
    // message.im arrives as the "message" event with channel_type im.
    expect(registered.map((e) => (e === 'message' ? 'message.im' : e)).sort()).toEqual([...EVENTS].sort());
  });

  it('requests exactly the bot scopes the code needs', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(SCOPES).sort());
    const code = ['commands', 'events', 'actions', 'views'].map(listenerSource).join('\n');
    if (code.includes('chat.post')) expect(SCOPES).toHaveProperty(['chat:write']);
    expect(SCOPES).toHaveProperty(['app_mentions:read']);
    expect(SCOPES).toHaveProperty(['im:history']);
  });

  it('enables interactivity for the buttons and modals, the home tab, and Socket Mode', () => {
    expect(listenerSource('actions')).toMatch(/app\.action\(/);
    expect(listenerSource('views')).toMatch(/app\.view\(/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

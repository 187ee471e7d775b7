// Slack settings: which mode the credentials select, and one clear line per bad setting, never its value.
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadSettings(env);
  } catch (err) {
    expect(err).toBeInstanceOf(SettingsError);
    return (err as SettingsError).problems;
  }
  throw new Error('expected a SettingsError');
};

describe('Slack settings', () => {
  it('no credentials: mode none (the local preview), port 3000, log level info', () => {
    const settings = loadSettings({ SLACK_BOT_TOKEN: '  ', SLACK_SIGNING_SECRET: '' });
    expect(settings).toMatchObject({ mode: 'none', port: 3000, logLevel: 'info' });
    expect(settings.botToken).toBeUndefined();
  });

  it('signing secret and bot token: HTTP; with an app token: Socket Mode; SLACK_API_URL passed on', () => {
    expect(
      loadSettings({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1-2', PORT: '8080', LOG_LEVEL: 'DEBUG' }),
    ).toMatchObject({ mode: 'http', port: 8080, logLevel: 'debug', signingSecret: SECRET, botToken: 'xoxb-1-2' });
    expect(
      loadSettings({
        SLACK_BOT_TOKEN: 'xoxb-1-2',
        SLACK_APP_TOKEN: 'xapp-1-A1-3',
        SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      }),
    ).toMatchObject({ mode: 'socket', appToken: 'xapp-1-A1-3', slackApiUrl: 'http://127.0.0.1:9999/api/' });
  });

  it('names each bad setting and where to find the right value, without echoing secrets', () => {
    const env = {
      SLACK_SIGNING_SECRET: 'not-hex-SECRETVALUE',
      SLACK_BOT_TOKEN: 'xoxp-SECRETVALUE',
      SLACK_APP_TOKEN: 'xoxb-SECRETVALUE',
      SLACK_API_URL: 'slack.com/api',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
    };
    const problems = problemsOf(env);
    expect(problems).toEqual([
      expect.stringMatching(
        /^SLACK_SIGNING_SECRET must be the hex Signing Secret \(Basic Information → App Credentials\)/,
      ),
      expect.stringMatching(/^SLACK_BOT_TOKEN must start with xoxb- \(OAuth & Permissions → Bot User OAuth Token\)/),
      expect.stringMatching(/^SLACK_APP_TOKEN must start with xapp- /),
      expect.stringMatching(/^SLACK_API_URL must be a full URL/),
      expect.stringMatching(/^PORT must be a port number/),
      'LOG_LEVEL must be one of debug, info, warn, error',
    ]);
    expect(problems.join('\n')).not.toContain('SECRETVALUE');
  });

  it('says what is missing when the Slack settings are incomplete', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing/),
    ]);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-2' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: HTTP mode needs it .* or set SLACK_APP_TOKEN/),
    ]);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be from 1 to 65535']);
  });

  it('.env.example documents every setting the schema reads', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync('.env.example', 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    for (const name of [
      'SLACK_SIGNING_SECRET',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_API_URL',
      'PORT',
      'LOG_LEVEL',
    ])
      expect(documented).toContain(name);
    // Every documented setting is accepted (an empty .env.example loads as the preview).
    const env = Object.fromEntries(documented.map((name) => [name, '']));
    expect(loadSettings(env).mode).toBe('none');
  });
});

// HR settings: defaults, and a clear line naming the setting for each bad value.
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.js';

describe('HR settings', () => {
  it('defaults: no admins, no default channel, ./data/airisk.sqlite, the server time zone', () => {
    const { hr } = loadSettings({});
    expect(hr).toEqual({
      adminUserIds: [],
      adminUsergroup: null,
      defaultChannel: null,
      dbPath: './data/airisk.sqlite',
      databaseUrl: null,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('reads admins, group, channel, path and zone', () => {
    const { hr } = loadSettings({
      HR_ADMIN_USER_IDS: ' U0123ABCD, W0456EFGH ',
      HR_ADMIN_USERGROUP: 'S0HR',
      HR_DEFAULT_CHANNEL: 'C0HRNEWS',
      AIRISK_DB_PATH: '/var/lib/airisk/db.sqlite',
      AIRISK_TIMEZONE: 'America/New_York',
    });
    expect(hr).toEqual({
      adminUserIds: ['U0123ABCD', 'W0456EFGH'],
      adminUsergroup: 'S0HR',
      defaultChannel: 'C0HRNEWS',
      dbPath: '/var/lib/airisk/db.sqlite',
      databaseUrl: null,
      timeZone: 'America/New_York',
    });
  });

  it('DATABASE_URL selects PostgreSQL, beside AIRISK_DB_PATH, and must be a postgres:// URL', () => {
    const { hr } = loadSettings({
      DATABASE_URL: ' postgres://airisk:pw@db.internal:5432/airisk ',
      AIRISK_DB_PATH: '/var/lib/airisk/db.sqlite',
    });
    expect(hr).toMatchObject({ databaseUrl: 'postgres://airisk:pw@db.internal:5432/airisk' });
    expect(loadSettings({ DATABASE_URL: '' }).hr.databaseUrl).toBeNull();
    expect(() => loadSettings({ DATABASE_URL: 'mysql://secret@db/airisk' })).toThrow(
      /DATABASE_URL must be a PostgreSQL URL such as postgres:\/\//,
    );
    expect(() => loadSettings({ DATABASE_URL: 'mysql://secret@db/airisk' })).not.toThrow(/secret/);
  });

  it('names each bad setting and how to fix it', () => {
    let error: unknown;
    try {
      loadSettings({
        HR_ADMIN_USER_IDS: '@pat',
        HR_ADMIN_USERGROUP: '@hr-team',
        HR_DEFAULT_CHANNEL: '#hr-news',
        AIRISK_TIMEZONE: 'Paris',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const problems = (error as SettingsError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^HR_ADMIN_USER_IDS must be Slack member ids separated by commas/),
      expect.stringMatching(/^HR_ADMIN_USERGROUP must be a user group id such as S0123ABCD, not its @handle/),
      expect.stringMatching(/^HR_DEFAULT_CHANNEL must be a channel id such as C0123ABCD, not #name/),
      expect.stringMatching(/^AIRISK_TIMEZONE must be an IANA time zone such as Europe\/Paris/),
    ]);
  });
});

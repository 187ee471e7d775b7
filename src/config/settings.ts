// Settings from the environment (and .env through dotenv), validated with zod. A bad setting stops the start
// with one line per problem naming it and how to fix it; secret values never appear in messages.
import { z } from 'zod';

/** True when `timeZone` is an IANA zone this Node.js knows, such as Europe/Paris. */
function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const optional = (schema: z.ZodString) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** What a pasted secret must not hold: whitespace, quotes, control characters. The Web API client would put
 *  it in the Authorization header, and the header error it gets back quotes the whole token into the log. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const STRAY = /[\s"'`\u0000-\u001f\u007f]/;

/** Where a stray character sits in a secret, in words, without showing the secret. */
function strayCharacter(value: string): string | null {
  const found = STRAY.exec(value);
  if (!found) return null;
  const c = found[0];
  const what =
    c === ' '
      ? 'a space'
      : c === '\n' || c === '\r'
        ? 'a line break'
        : c === '\t'
          ? 'a tab'
          : /["'`]/.test(c)
            ? 'quotes'
            : 'an invisible control character';
  const rest = value.slice(found.index);
  const where = found.index === 0 ? 'at the start' : [...rest].every((r) => STRAY.test(r)) ? 'at the end' : 'inside';
  return `has ${what} ${where}`;
}

/** A token or secret from the environment: one run of characters in Slack's shape. Messages never show it. */
const credential = (shape: (value: string) => string | null, whereToFind: string) =>
  optional(
    z.string().superRefine((value, ctx) => {
      const stray = strayCharacter(value);
      const message = stray ? `${stray}: set it to the value alone, on one line (${whereToFind})` : shape(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
  );

/** Slack's tokens: the prefix, then letters, digits and hyphens. */
const token = (prefix: string, whereToFind: string) =>
  credential(
    (value) =>
      !value.startsWith(prefix)
        ? `must start with ${prefix} (${whereToFind})`
        : /^[A-Za-z0-9-]+$/.test(value.slice(prefix.length))
          ? null
          : `must be ${prefix} followed by letters, digits and hyphens only (${whereToFind})`,
    whereToFind,
  );

const schema = z.object({
  SLACK_SIGNING_SECRET: credential(
    (value) =>
      /^[0-9a-f]{16,}$/i.test(value) ? null : 'must be the hex Signing Secret (Basic Information → App Credentials)',
    'Basic Information → App Credentials',
  ),
  SLACK_BOT_TOKEN: token('xoxb-', 'OAuth & Permissions → Bot User OAuth Token'),
  SLACK_APP_TOKEN: token('xapp-', 'Basic Information → App-Level Tokens, scope connections:write'),
  SLACK_API_URL: optional(
    z.string().regex(/^https?:\/\/[^\s]+\/$/, 'must be a full URL ending with a slash, such as https://slack.com/api/'),
  ),
  PORT: z.preprocess(
    (v) => (v === undefined || v === '' ? 3000 : Number(v)),
    z
      .number({ error: 'must be a port number such as 3000' })
      .int('must be a whole port number such as 3000')
      .min(1, 'must be from 1 to 65535')
      .max(65535, 'must be from 1 to 65535'),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info'),
  ),
  HR_ADMIN_USER_IDS: optional(
    z
      .string()
      .regex(
        /^\s*[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*\s*,?\s*$/,
        'must be Slack member ids separated by commas, such as U0123ABCD,U0456EFGH (a profile → ⋮ → Copy member ID)',
      ),
  ),
  HR_ADMIN_USERGROUP: optional(
    z
      .string()
      .trim()
      .regex(
        /^S[A-Z0-9]+$/,
        'must be a user group id such as S0123ABCD, not its @handle (the group’s page → ⋮ → Copy group ID)',
      ),
  ),
  HR_DEFAULT_CHANNEL: optional(
    z
      .string()
      .trim()
      .regex(
        /^[CG][A-Z0-9]+$/,
        'must be a channel id such as C0123ABCD, not #name (channel details → About → Channel ID)',
      ),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        'must be a PostgreSQL URL such as postgres://airisk:password@db.example.com:5432/airisk (leave it empty for ' +
          'SQLite)',
      ),
  ),
  AIRISK_DB_PATH: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : './data/airisk.sqlite'),
    z.string(),
  ),
  AIRISK_TIMEZONE: optional(
    z.string().trim().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris or America/New_York'),
  ),
});

/** The HR features: who may announce, where by default, where their data lives, and the workspace's time zone. */
interface HrSettings {
  adminUserIds: string[];
  adminUsergroup: string | null;
  defaultChannel: string | null;
  /** SQLite file, relative to the working directory unless absolute; unused when databaseUrl is set. */
  dbPath: string;
  /** PostgreSQL (postgres://…), shared by several instances; takes precedence over dbPath. */
  databaseUrl: string | null;
  /** IANA zone for schedules and insights' days. */
  timeZone: string;
}

type SlackMode = 'http' | 'socket' | 'none';

export interface Settings {
  /** http: Events API over HTTP; socket: Socket Mode; none: no credentials, serve the local preview. */
  mode: SlackMode;
  signingSecret?: string;
  botToken?: string;
  appToken?: string;
  slackApiUrl?: string;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  hr: HrSettings;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Settings problem${problems.length > 1 ? 's' : ''} (see ` +
        `.env.example):\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'SettingsError';
  }
}

export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const s = parsed.data;
  const problems: string[] = [];
  const any = s.SLACK_SIGNING_SECRET || s.SLACK_BOT_TOKEN || s.SLACK_APP_TOKEN;
  if (any) {
    if (!s.SLACK_BOT_TOKEN)
      problems.push(
        'SLACK_BOT_TOKEN is missing: set it with the other Slack settings (OAuth & Permissions → Bot User OAuth Token)',
      );
    if (!s.SLACK_SIGNING_SECRET && !s.SLACK_APP_TOKEN)
      problems.push(
        'SLACK_SIGNING_SECRET is missing: HTTP mode needs it (Basic Information → App Credentials), or set ' +
          'SLACK_APP_TOKEN for Socket Mode',
      );
  }
  if (problems.length) throw new SettingsError(problems);
  const mode: SlackMode = !any ? 'none' : s.SLACK_APP_TOKEN ? 'socket' : 'http';
  return {
    mode,
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    hr: {
      adminUserIds: (s.HR_ADMIN_USER_IDS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      adminUsergroup: s.HR_ADMIN_USERGROUP ?? null,
      defaultChannel: s.HR_DEFAULT_CHANNEL ?? null,
      dbPath: s.AIRISK_DB_PATH,
      databaseUrl: s.DATABASE_URL ?? null,
      // Without a setting, the server's own zone (TZ, or the system's).
      timeZone: s.AIRISK_TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    ...(s.SLACK_SIGNING_SECRET ? { signingSecret: s.SLACK_SIGNING_SECRET } : {}),
    ...(s.SLACK_BOT_TOKEN ? { botToken: s.SLACK_BOT_TOKEN } : {}),
    ...(s.SLACK_APP_TOKEN ? { appToken: s.SLACK_APP_TOKEN } : {}),
    ...(s.SLACK_API_URL ? { slackApiUrl: s.SLACK_API_URL } : {}),
  };
}

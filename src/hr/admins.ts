// Who may announce, schedule and see insights: the users named in HR_ADMIN_USER_IDS and the members of the
// HR_ADMIN_USERGROUP user group (looked up with usergroups.users.list, cached for a minute).
import type { Clock } from './clock.js';
import { slackFailureOf, type HrSlackApi } from './slack-api.js';

type AdminDecision = { allowed: true } | { allowed: false; reason: string };

export interface AdminPolicy {
  check(userId: string): Promise<AdminDecision>;
}

export interface AdminPolicyOptions {
  userIds: string[];
  usergroup: string | null;
  slack: HrSlackApi;
  clock: Clock;
  cacheMs?: number;
}

const REFUSAL = 'Sorry, only HR admins can announce, schedule digests or see insights.';

export function createAdminPolicy({
  userIds,
  usergroup,
  slack,
  clock,
  cacheMs = 60_000,
}: AdminPolicyOptions): AdminPolicy {
  const named = new Set(userIds);
  let cached: { members: Set<string>; at: number } | null = null;

  const groupMembers = async (group: string): Promise<Set<string>> => {
    if (cached && clock.now() - cached.at < cacheMs) return cached.members;
    const members = new Set(await slack.usergroupMembers(group));
    cached = { members, at: clock.now() };
    return members;
  };

  return {
    async check(userId) {
      if (named.has(userId)) return { allowed: true };
      if (!usergroup) {
        const hint = named.size
          ? 'Ask one of them to add you to HR_ADMIN_USER_IDS.'
          : 'No HR admins are set up yet: whoever runs this app can set HR_ADMIN_USER_IDS or HR_ADMIN_USERGROUP.';
        return { allowed: false, reason: `${REFUSAL} ${hint}` };
      }
      try {
        if ((await groupMembers(usergroup)).has(userId)) return { allowed: true };
        return { allowed: false, reason: `${REFUSAL} Ask to join the HR admin user group (<!subteam^${usergroup}>).` };
      } catch (err) {
        const failure = slackFailureOf(err);
        const why =
          failure.kind === 'refused'
            ? failure.code + (failure.needed ? ` (needs ${failure.needed})` : '')
            : failure.kind === 'rate_limited'
              ? 'Slack asked me to slow down'
              : 'Slack did not answer';
        return {
          allowed: false,
          reason:
            `${REFUSAL} I could not check the HR admin user group just now (${why}), so I can't confirm you ` +
            `are in it. Try again in a minute.`,
        };
      }
    },
  };
}

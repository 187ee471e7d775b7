// /airisk <text> | path <role> | compare <a> vs <b> | help, and HR's subcommands when HR is on: read by
// src/requests/slack.ts, answered through the pipeline (or by the HR service). Ack first, then answer.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandRequest } from '../../../../requests/slack.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, ephemeralReply } from '../../pipeline.js';
import { afterPendingAcks } from '../../reply.js';
import { hrCommand } from '../hr/hr-command.js';

export function airiskCommand(deps: SlackDeps) {
  return async ({ ack, command, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await afterPendingAcks();
    const request = commandRequest(command.text, { hr: Boolean(deps.hr) });
    if (request.kind === 'hr') {
      if (deps.hr) await hrCommand(deps.hr, request.command, command, client);
      return;
    }
    const where = { channel: command.channel_id, user: command.user_id };
    await answerAndReply(deps, request, ephemeralReply(command.response_url, client, where));
  };
}

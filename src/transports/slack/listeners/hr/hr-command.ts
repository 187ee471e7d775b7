// /airisk announce | schedule | insights: the request (src/requests/hr.ts) handed to the HR service, its reply
// shown only to the caller.
import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { HrService } from '../../../../hr/service.js';
import { hrReplyMessage } from '../../../../renderers/blockkit/hr.js';
import type { HrCommand } from '../../../../requests/hr.js';
import { replyEphemeral } from '../../reply.js';

export async function hrCommand(hr: HrService, request: HrCommand, command: SlashCommand, client: WebClient) {
  const reply = await hr.command(command.user_id, request);
  await replyEphemeral(
    command.response_url,
    client,
    { channel: command.channel_id, user: command.user_id },
    hrReplyMessage(reply),
  );
}

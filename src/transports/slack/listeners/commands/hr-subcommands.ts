// /airisk announce | schedule | insights: handed to the HR service, its reply shown only to the caller.
import { HR_SUBCOMMANDS } from '../../../../hr/commands.js';
import type { HrService } from '../../../../hr/service.js';
import { hrReplyMessage } from '../../../../renderers/blockkit/hr.js';
import type { Subcommand } from '../../deps.js';
import { replyEphemeral } from '../../reply.js';

export function hrSubcommands(hr: HrService): [string, Subcommand][] {
  return HR_SUBCOMMANDS.map((word): [string, Subcommand] => [
    word,
    async ({ command, args, client }) => {
      const reply = await hr.command(command.user_id, `${word} ${args}`);
      await replyEphemeral(
        command.response_url,
        client,
        { channel: command.channel_id, user: command.user_id },
        hrReplyMessage(reply),
      );
    },
  ]);
}

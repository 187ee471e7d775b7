// /airisk <text> | path <role> | compare <a> vs <b> | help, plus registered subcommands. Ack first, then answer.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../../../renderers/blockkit/messages.js';
import { afterPendingAcks, replyEphemeral } from '../../reply.js';

export function airiskCommand(deps: SlackDeps) {
  return async ({ ack, command, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await afterPendingAcks();
    const text = command.text.trim();
    const [first = '', ...rest] = text.split(/\s+/);
    const word = first.toLowerCase();
    const args = rest.join(' ');
    const sub = deps.subcommands.get(word);
    if (sub) return sub({ command, args, client });
    const answer =
      word === 'path' && args
        ? deps.engine.path(args)
        : word === 'compare' && args
          ? deps.engine.compare(args)
          : word === 'help' && !args
            ? deps.engine.help()
            : deps.engine.ask(text);
    deps.hooks.onLookup?.(answer);
    await replyEphemeral(
      command.response_url,
      client,
      { channel: command.channel_id, user: command.user_id },
      answerMessage(answer),
    );
  };
}

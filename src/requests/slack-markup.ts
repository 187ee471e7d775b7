// Slack sends what a person typed with its markup in it: mentions (<@U0123>), channel links (<#C0123|name>),
// broadcasts (<!here>), links (<https://…|label>) and &amp; &lt; &gt; escapes. None of it names a role, so it is
// taken out before a request reaches the engine, keeping a link's label.

/** Removes Slack markup (mentions, channel links, broadcasts, <url|label>), keeping link labels. */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, ' $1 ')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt);/g, (_m, e: string) => (e === 'amp' ? '&' : ' '));
}

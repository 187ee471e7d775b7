// Slack mrkdwn -> HTML, the way the Slack client draws it: *bold*, _italic_, ~strike~, `code`, ```pre```,
// <url|label> links, <@U1> mentions, > quotes, line breaks, and &amp; &lt; &gt; shown as & < >.
// Every character of the source is HTML-escaped; only the markup built here is emitted as tags.
import { emojiFor } from './emoji.js';
import { escapeHtml, safeHref } from './escape.js';

export interface MrkdwnOptions {
  /** Slack's `verbatim: true`: bare URLs and names are not turned into links. */
  verbatim?: boolean;
  /** Display name for a user id in <@U123>, when known. */
  userName?: (id: string) => string | undefined;
  /** Display name for a channel id in <#C123>, when known. */
  channelName?: (id: string) => string | undefined;
}

// Private-use characters mark where already-built HTML goes back in; they are removed from the input first.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const STYLES: [marker: string, tag: string][] = [
  ['*', 'strong'],
  ['_', 'em'],
  ['~', 'del'],
];

/** Slack escapes only these three in message text; everything else arrives as typed. */
function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function mrkdwnToHtml(source: string, options: MrkdwnOptions = {}): string {
  const pieces: string[] = [];
  const hold = (html: string) => `${OPEN}${pieces.push(html) - 1}${CLOSE}`;

  let text = source.replace(/[\uE000\uE001]/g, '');
  text = text.replace(/```([\s\S]*?)```/g, (_m, body: string) =>
    hold(`<pre class="sk-pre">${escapeHtml(decodeSlackEntities(body.replace(/^\n/, '')))}</pre>`),
  );
  text = text.replace(/`([^`\n]+)`/g, (_m, body: string) =>
    hold(`<code class="sk-code">${escapeHtml(decodeSlackEntities(body))}</code>`),
  );
  text = text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => hold(angleToken(inner, options)));
  if (!options.verbatim) {
    text = text.replace(/\bhttps?:\/\/[^\s<>\uE000\uE001]+[^\s<>\uE000\uE001.,;:!?)'"]/g, (url) =>
      hold(link(decodeSlackEntities(url), decodeSlackEntities(url))),
    );
  }

  let html = escapeHtml(decodeSlackEntities(text));
  html = html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => emojiFor(name) ?? whole);
  for (const [marker, tag] of STYLES)
    html = html.replace(styleRegex(marker), (_m, before: string, body: string) => `${before}<${tag}>${body}</${tag}>`);
  html = quoteLines(html);
  return html.replace(PLACEHOLDER, (_m, i: string) => pieces[Number(i)] ?? '');
}

/** Plain text objects: shown exactly as written (emoji names become emoji when `emoji` is not false). */
export function plainTextToHtml(text: string, emoji = true): string {
  const html = escapeHtml(text);
  return emoji ? html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => emojiFor(name) ?? whole) : html;
}

// A marker opens after a non-alphanumeric (or line start) and before a non-space, and closes before a
// non-alphanumeric: so snake_case_names and 2*3*4 stay as typed, as in Slack.
function styleRegex(marker: string): RegExp {
  const m = `\\${marker}`;
  return new RegExp(`(^|[^A-Za-z0-9${m}])${m}(?!\\s)([^\\n]*?[^\\s${m}])${m}(?![A-Za-z0-9${m}])`, 'gm');
}

function quoteLines(html: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote class="sk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of html.split('\n')) {
    const m = /^&gt;\s?(.*)$/.exec(line);
    if (m) quote.push(m[1] ?? '');
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  // A quote block is a block: no extra line break next to it.
  return out
    .join('\n')
    .replace(/\n?(<blockquote[\s\S]*?<\/blockquote>)\n?/g, '$1')
    .replace(/\n/g, '<br>');
}

function angleToken(inner: string, options: MrkdwnOptions): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (/^@[UW][A-Z0-9_]+$/i.test(target)) {
    const id = target.slice(1);
    return `<span class="sk-mention">@${escapeHtml(decodeSlackEntities(label ?? options.userName?.(id) ?? id))}</span>`;
  }
  if (/^#C[A-Z0-9_]+$/i.test(target)) {
    const id = target.slice(1);
    return (
      `<span ` +
      `class="sk-mention">#${escapeHtml(decodeSlackEntities(label ?? options.channelName?.(id) ?? id))}</span>`
    );
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    const name = /^(here|channel|everyone)$/.test(special)
      ? `@${special}`
      : decodeSlackEntities(label ?? special.split('^')[0] ?? special);
    return `<span class="sk-mention">${escapeHtml(name)}</span>`;
  }
  return link(decodeSlackEntities(target), decodeSlackEntities(label ?? target));
}

function link(url: string, label: string): string {
  const href = safeHref(url);
  const text = escapeHtml(label);
  return href
    ? `<a class="sk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>`
    : text;
}

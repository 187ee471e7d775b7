// What a person reads in Block Kit blocks: the text of headers, sections (and fields), context and buttons, with
// Slack's escapes undone and mrkdwn markers and link syntax reduced to the words shown.

type Json = Record<string, unknown>;

/** The visible text of one mrkdwn or plain_text string. */
function readable(text: string): string {
  return text
    .replace(/<https?:\/\/[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/(^|[\s(])[*_~]+|[*_~]+(?=$|[\s).,:;!?])/gm, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Each block's visible text, buttons included (their labels), in order. */
export function blockTexts(blocks: unknown[], options: { buttons?: boolean } = {}): string[] {
  return blocks.map((raw) => {
    const b = raw as Json;
    const text = (t: unknown) => readable(String((t as Json | undefined)?.text ?? ''));
    switch (b.type) {
      case 'header':
        return text(b.text);
      case 'section':
        return [text(b.text), ...((b.fields as Json[] | undefined) ?? []).map(text)].filter(Boolean).join('\n');
      case 'context':
        return ((b.elements as Json[] | undefined) ?? []).map(text).join('\n');
      case 'actions':
        return options.buttons ? ((b.elements as Json[] | undefined) ?? []).map((el) => text(el.text)).join(' | ') : '';
      default:
        return '';
    }
  });
}

/** All visible text of some blocks, one string. */
export function visibleText(blocks: unknown[], options: { buttons?: boolean } = {}): string {
  return blockTexts(blocks, options).filter(Boolean).join('\n');
}

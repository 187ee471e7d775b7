// Block Kit -> HTML, drawn the way the Slack client draws it: header, section (text, fields, accessory),
// context, divider, actions, image, input, rich_text, table. Input is whatever an app sent to the Web
// API (untrusted JSON), so every field is checked and every text escaped. Interactive elements carry
// data-* attributes (action id, block id, value) that the preview page turns back into Slack payloads.
import { escapeHtml, safeHref } from './escape.js';
import { mrkdwnToHtml, plainTextToHtml, type MrkdwnOptions } from './mrkdwn.js';

export interface HtmlRenderContext extends MrkdwnOptions {
  /** Conversations offered by conversations_select / channels_select menus. */
  conversations?: { id: string; name: string }[];
  /** People offered by users_select menus. */
  users?: { id: string; name: string }[];
}

/** A message as the Web API receives it (chat.postMessage, response_url, ack bodies). */
export interface MessageLike {
  text?: unknown;
  blocks?: unknown;
  attachments?: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const attr = (name: string, value: string | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;

export function renderMessageHtml(message: MessageLike, ctx: HtmlRenderContext = {}): string {
  const blocks = list(message.blocks);
  const parts: string[] = [];
  if (blocks.length) parts.push(renderBlocksHtml(blocks, ctx));
  else if (str(message.text)) parts.push(`<div class="sk-text">${mrkdwnToHtml(str(message.text) ?? '', ctx)}</div>`);
  for (const a of list(message.attachments)) if (isObject(a)) parts.push(attachment(a, ctx));
  return parts.join('');
}

export function renderBlocksHtml(blocks: unknown, ctx: HtmlRenderContext = {}): string {
  return list(blocks)
    .map((b) => (isObject(b) ? block(b, ctx) : ''))
    .join('');
}

/** A modal or App Home view's blocks; the title and buttons of a modal are drawn by the page around it. */
export function renderViewHtml(view: unknown, ctx: HtmlRenderContext = {}): string {
  return isObject(view) ? renderBlocksHtml(view.blocks, ctx) : '';
}

/** Text of a text object (plain_text or mrkdwn) as HTML. */
function textObjectHtml(t: unknown, ctx: HtmlRenderContext = {}): string {
  if (typeof t === 'string') return plainTextToHtml(t);
  if (!isObject(t)) return '';
  const text = str(t.text) ?? '';
  return t.type === 'mrkdwn'
    ? mrkdwnToHtml(text, { ...ctx, verbatim: t.verbatim === true })
    : plainTextToHtml(text, t.emoji !== false);
}

/** The plain words of a text object, for places that take no markup (option labels, titles). */
export function textObjectPlain(t: unknown): string {
  if (typeof t === 'string') return t;
  return isObject(t) ? (str(t.text) ?? '') : '';
}

function block(b: Json, ctx: HtmlRenderContext): string {
  const blockId = str(b.block_id);
  const open = (cls: string) => `<div class="sk-block ${cls}"${attr('data-block-id', blockId)}>`;
  switch (b.type) {
    case 'header':
      return `${open('sk-header')}${textObjectHtml(b.text, ctx)}</div>`;
    case 'divider':
      return `${open('sk-divider')}<hr></div>`;
    case 'section': {
      const text = b.text ? `<div class="sk-section-text">${textObjectHtml(b.text, ctx)}</div>` : '';
      const fields = list(b.fields);
      const fieldHtml = fields.length
        ? `<div class="sk-fields">${fields.map((f) => `<div class="sk-field">${textObjectHtml(f, ctx)}</div>`).join('')}</div>`
        : '';
      const accessory = isObject(b.accessory)
        ? `<div class="sk-accessory">${element(b.accessory, blockId, ctx)}</div>`
        : '';
      return `${open('sk-section')}<div class="sk-section-body">${text}${fieldHtml}</div>${accessory}</div>`;
    }
    case 'context':
      return `${open('sk-context')}${list(b.elements)
        .map((e) =>
          isObject(e) && e.type === 'image'
            ? imagePlaceholder(e, 'sk-context-image')
            : `<span class="sk-context-item">${textObjectHtml(e, ctx)}</span>`,
        )
        .join('')}</div>`;
    case 'actions':
      return `${open('sk-actions')}${list(b.elements)
        .map((e) => (isObject(e) ? element(e, blockId, ctx) : ''))
        .join('')}</div>`;
    case 'context_actions':
      return `${open('sk-actions sk-context-actions')}${list(b.elements)
        .map((e) => (isObject(e) ? element(e, blockId, ctx) : ''))
        .join('')}</div>`;
    case 'image': {
      const title = b.title ? `<div class="sk-image-title">${textObjectHtml(b.title, ctx)}</div>` : '';
      return `${open('sk-image-block')}${title}${imagePlaceholder(b, 'sk-image')}</div>`;
    }
    case 'input': {
      const optional = b.optional === true ? ' <span class="sk-optional">(optional)</span>' : '';
      const hint = b.hint ? `<div class="sk-hint">${textObjectHtml(b.hint, ctx)}</div>` : '';
      const el = isObject(b.element) ? element(b.element, blockId, ctx, true) : '';
      return (
        `${open('sk-input')}<label ` +
        `class="sk-label">${textObjectHtml(b.label, ctx)}${optional}</label>${el}${hint}<div class="sk-input-error" ` +
        `data-error-for="${escapeHtml(blockId ?? '')}"></div></div>`
      );
    }
    case 'rich_text':
      return `${open('sk-rich-text')}${list(b.elements)
        .map((e) => (isObject(e) ? richElement(e, ctx) : ''))
        .join('')}</div>`;
    case 'markdown':
      // Standard markdown: **bold** is Slack's *bold*; the rest reads the same in mrkdwn.
      return `${open('sk-markdown')}${mrkdwnToHtml((str(b.text) ?? '').replace(/\*\*([^*\n]+)\*\*/g, '*$1*'), ctx)}</div>`;
    case 'table':
      return `${open('sk-table-block')}<table class="sk-table">${list(b.rows)
        .map(
          (row, i) =>
            `<tr>${list(row)
              .map((cell) => (i === 0 ? `<th>${tableCell(cell, ctx)}</th>` : `<td>${tableCell(cell, ctx)}</td>`))
              .join('')}</tr>`,
        )
        .join('')}</table></div>`;
    default:
      return (
        `${open('sk-unknown')}[block type “${escapeHtml(str(b.type) ?? 'unknown')}” is not drawn by the ` +
        `preview]</div>`
      );
  }
}

function tableCell(cell: unknown, ctx: HtmlRenderContext): string {
  if (!isObject(cell)) return '';
  if (cell.type === 'raw_text') return plainTextToHtml(str(cell.text) ?? '');
  if (cell.type === 'rich_text')
    return list(cell.elements)
      .map((e) => (isObject(e) ? richElement(e, ctx) : ''))
      .join('');
  return textObjectHtml(cell, ctx);
}

function imagePlaceholder(img: Json, cls: string): string {
  // The preview loads nothing from outside this machine, so images are shown by their description.
  const alt = str(img.alt_text) ?? 'image';
  return (
    `<span class="${cls}" role="img" aria-label="${escapeHtml(alt)}" title="${escapeHtml(alt)}">🖼 ` +
    `${escapeHtml(alt)}</span>`
  );
}

function interactive(kind: string, e: Json, blockId: string | undefined): string {
  return `${attr('data-kind', kind)}${attr('data-action-id', str(e.action_id))}${attr('data-block-id', blockId)}`;
}

function confirmAttrs(e: Json): string {
  if (!isObject(e.confirm)) return '';
  const c = e.confirm;
  return `${attr('data-confirm-title', textObjectPlain(c.title))}${attr('data-confirm-text', textObjectPlain(c.text))}${attr('data-confirm-ok', textObjectPlain(c.confirm) || 'Confirm')}`;
}

function options(e: Json): Json[] {
  const flat = list(e.options).filter(isObject);
  for (const g of list(e.option_groups)) if (isObject(g)) flat.push(...list(g.options).filter(isObject));
  return flat;
}

function optionTags(
  opts: { value: string; label: string }[],
  selected: Set<string>,
  placeholder: string | undefined,
): string {
  const head =
    placeholder !== undefined
      ? `<option value=""${selected.size ? '' : ' selected'} disabled>${escapeHtml(placeholder)}</option>`
      : '';
  return (
    head +
    opts
      .map(
        (o) =>
          `<option ` +
          `value="${escapeHtml(o.value)}"${selected.has(o.value) ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
      )
      .join('')
  );
}

function element(e: Json, blockId: string | undefined, ctx: HtmlRenderContext, inInput = false): string {
  const placeholder = e.placeholder ? textObjectPlain(e.placeholder) : undefined;
  const input = inInput ? ' data-input="1"' : '';
  switch (e.type) {
    case 'button': {
      const style = e.style === 'primary' || e.style === 'danger' ? ` sk-${e.style}` : '';
      const url = str(e.url) ? safeHref(str(e.url) ?? '') : null;
      return `<button type="button" class="sk-button${style}"${interactive('button', e, blockId)}${attr('data-value', str(e.value))}${attr('data-url', url ?? undefined)}${confirmAttrs(e)}>${textObjectHtml(e.text, ctx)}</button>`;
    }
    case 'workflow_button':
      return `<button type="button" class="sk-button" disabled>${textObjectHtml(e.text, ctx)}</button>`;
    case 'feedback_buttons': {
      const one = (b: unknown, which: string) =>
        isObject(b)
          ? `<button type="button" class="sk-button sk-feedback"${interactive('feedback', e, blockId)}${attr('data-value', str(b.value))}${attr('aria-label', textObjectPlain(b.accessibility_label) || which)}>${textObjectHtml(b.text, ctx)}</button>`
          : '';
      return one(e.positive_button, 'Good response') + one(e.negative_button, 'Bad response');
    }
    case 'icon_button':
      return `<button type="button" class="sk-button sk-icon-button"${interactive('button', e, blockId)}${attr('data-value', str(e.value))}>${textObjectHtml(e.text, ctx)}</button>`;
    case 'overflow':
      return `<select class="sk-select sk-overflow"${interactive('overflow', e, blockId)}${confirmAttrs(e)} aria-label="More actions">${optionTags(
        options(e).map((o) => ({ value: str(o.value) ?? '', label: textObjectPlain(o.text) })),
        new Set(),
        '⋯',
      )}</select>`;
    case 'static_select':
    case 'external_select':
    case 'multi_static_select': {
      const multi = e.type === 'multi_static_select';
      const initial = [
        ...(isObject(e.initial_option) ? [e.initial_option] : []),
        ...list(e.initial_options).filter(isObject),
      ].map((o) => str(o.value) ?? '');
      return `<select class="sk-select"${multi ? ' multiple' : ''}${interactive(multi ? 'multi_static_select' : 'static_select', e, blockId)}${input}${confirmAttrs(e)}>${optionTags(
        options(e).map((o) => ({ value: str(o.value) ?? '', label: textObjectPlain(o.text) })),
        new Set(initial),
        multi ? undefined : (placeholder ?? 'Select an item'),
      )}</select>`;
    }
    case 'conversations_select':
    case 'channels_select':
    case 'multi_conversations_select':
    case 'multi_channels_select': {
      const multi = e.type.startsWith('multi_');
      const initial = new Set(
        [
          str(e.initial_conversation),
          str(e.initial_channel),
          ...list(e.initial_conversations).map(str),
          ...list(e.initial_channels).map(str),
        ].filter((v): v is string => v !== undefined),
      );
      const opts = (ctx.conversations ?? []).map((c) => ({
        value: c.id,
        label: c.name.startsWith('@') ? c.name : `#${c.name}`,
      }));
      return `<select class="sk-select"${multi ? ' multiple' : ''}${interactive(e.type, e, blockId)}${input}>${optionTags(opts, initial, multi ? undefined : (placeholder ?? 'Select a channel'))}</select>`;
    }
    case 'users_select':
    case 'multi_users_select': {
      const multi = e.type === 'multi_users_select';
      const initial = new Set(
        [str(e.initial_user), ...list(e.initial_users).map(str)].filter((v): v is string => v !== undefined),
      );
      const opts = (ctx.users ?? []).map((u) => ({ value: u.id, label: u.name }));
      return `<select class="sk-select"${multi ? ' multiple' : ''}${interactive(e.type, e, blockId)}${input}>${optionTags(opts, initial, multi ? undefined : (placeholder ?? 'Select a person'))}</select>`;
    }
    case 'radio_buttons':
    case 'checkboxes': {
      const kind = e.type === 'radio_buttons' ? 'radio' : 'checkbox';
      const initial = new Set(
        [...(isObject(e.initial_option) ? [e.initial_option] : []), ...list(e.initial_options).filter(isObject)].map(
          (o) => str(o.value) ?? '',
        ),
      );
      const group = `${blockId ?? ''}.${str(e.action_id) ?? ''}`;
      return `<div class="sk-choices"${interactive(e.type, e, blockId)}${input}>${options(e)
        .map((o) => {
          const value = str(o.value) ?? '';
          const description = o.description
            ? `<span class="sk-choice-description">${textObjectHtml(o.description, ctx)}</span>`
            : '';
          return (
            `<label class="sk-choice"><input type="${kind}" name="${escapeHtml(group)}" ` +
            `value="${escapeHtml(value)}"${initial.has(value) ? ' checked' : ''}> ` +
            `<span>${textObjectHtml(o.text, ctx)}</span>${description}</label>`
          );
        })
        .join('')}</div>`;
    }
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const initial = str(e.initial_value) ?? '';
      const type =
        e.type === 'email_text_input'
          ? 'email'
          : e.type === 'url_text_input'
            ? 'url'
            : e.type === 'number_input'
              ? 'number'
              : 'text';
      const common = `class="sk-text-input"${interactive(e.type, e, blockId)}${input}${attr('placeholder', placeholder)}${attr('maxlength', str(e.max_length))}`;
      return e.multiline === true
        ? `<textarea ${common} rows="4">${escapeHtml(initial)}</textarea>`
        : `<input type="${type}" ${common} value="${escapeHtml(initial)}">`;
    }
    case 'datepicker':
      return (
        `<input type="date" ` +
        `class="sk-text-input"${interactive('datepicker', e, blockId)}${input}${attr('value', str(e.initial_date))}>`
      );
    case 'timepicker':
      return (
        `<input type="time" ` +
        `class="sk-text-input"${interactive('timepicker', e, blockId)}${input}${attr('value', str(e.initial_time))}>`
      );
    case 'image':
      return imagePlaceholder(e, 'sk-accessory-image');
    default:
      return (
        `<span class="sk-unknown">[element “${escapeHtml(str(e.type) ?? 'unknown')}” is not drawn by the ` +
        `preview]</span>`
      );
  }
}

function richElement(e: Json, ctx: HtmlRenderContext): string {
  const inline = () =>
    list(e.elements)
      .map((x) => (isObject(x) ? richInline(x, ctx) : ''))
      .join('');
  switch (e.type) {
    case 'rich_text_section':
      return `<div class="sk-rich-section">${inline()}</div>`;
    case 'rich_text_quote':
      return `<blockquote class="sk-quote">${inline()}</blockquote>`;
    case 'rich_text_preformatted':
      return `<pre class="sk-pre">${inline()}</pre>`;
    case 'rich_text_list': {
      const tag = e.style === 'ordered' ? 'ol' : 'ul';
      return `<${tag} class="sk-list">${list(e.elements)
        .map((item) =>
          isObject(item)
            ? `<li>${list(item.elements)
                .map((x) => (isObject(x) ? richInline(x, ctx) : ''))
                .join('')}</li>`
            : '',
        )
        .join('')}</${tag}>`;
    }
    default:
      return '';
  }
}

function richInline(x: Json, ctx: HtmlRenderContext): string {
  let html: string;
  switch (x.type) {
    case 'text':
      html = escapeHtml(str(x.text) ?? '').replace(/\n/g, '<br>');
      break;
    case 'link': {
      const href = safeHref(str(x.url) ?? '');
      const label = escapeHtml(str(x.text) ?? str(x.url) ?? '');
      html = href
        ? `<a class="sk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>`
        : label;
      break;
    }
    case 'emoji':
      html = plainTextToHtml(`:${str(x.name) ?? ''}:`);
      break;
    case 'user':
      html =
        `<span ` +
        `class="sk-mention">@${escapeHtml(ctx.userName?.(str(x.user_id) ?? '') ?? str(x.user_id) ?? '')}</span>`;
      break;
    case 'channel':
      html = `<span class="sk-mention">#${escapeHtml(ctx.channelName?.(str(x.channel_id) ?? '') ?? str(x.channel_id) ?? '')}</span>`;
      break;
    case 'broadcast':
      html = `<span class="sk-mention">@${escapeHtml(str(x.range) ?? 'here')}</span>`;
      break;
    default:
      html = '';
  }
  const style = isObject(x.style) ? x.style : {};
  if (style.code) html = `<code class="sk-code">${html}</code>`;
  if (style.bold) html = `<strong>${html}</strong>`;
  if (style.italic) html = `<em>${html}</em>`;
  if (style.strike) html = `<del>${html}</del>`;
  return html;
}

const ATTACHMENT_COLORS: Record<string, string> = { good: '#2eb67d', warning: '#ecb22e', danger: '#e01e5a' };

function attachment(a: Json, ctx: HtmlRenderContext): string {
  const raw = str(a.color) ?? '';
  const color =
    ATTACHMENT_COLORS[raw] ?? (/^#?[0-9a-f]{3,8}$/i.test(raw) ? (raw.startsWith('#') ? raw : `#${raw}`) : '#dddddd');
  const parts: string[] = [];
  if (str(a.pretext)) parts.push(`<div class="sk-text">${mrkdwnToHtml(str(a.pretext) ?? '', ctx)}</div>`);
  if (str(a.title)) parts.push(`<div class="sk-attachment-title">${escapeHtml(str(a.title) ?? '')}</div>`);
  if (str(a.text)) parts.push(`<div class="sk-text">${mrkdwnToHtml(str(a.text) ?? '', ctx)}</div>`);
  const fields = list(a.fields).filter(isObject);
  if (fields.length)
    parts.push(
      `<div class="sk-fields">${fields.map((f) => `<div class="sk-field"><strong>${escapeHtml(str(f.title) ?? '')}</strong><br>${mrkdwnToHtml(str(f.value) ?? '', ctx)}</div>`).join('')}</div>`,
    );
  if (list(a.blocks).length) parts.push(renderBlocksHtml(a.blocks, ctx));
  if (str(a.footer))
    parts.push(
      `<div class="sk-context"><span class="sk-context-item">${mrkdwnToHtml(str(a.footer) ?? '', ctx)}</span></div>`,
    );
  return `<div class="sk-attachment" style="border-left-color:${escapeHtml(color)}">${parts.join('')}</div>`;
}

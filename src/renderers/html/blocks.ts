// Block Kit -> HTML, drawn the way Slack draws it, for the local preview. Buttons carry their action_id,
// value and block_id as data attributes; the page turns a click into the block_actions payload Slack sends.
import { escapeHtml } from './escape.js';
import { mrkdwnToHtml, plainTextToHtml } from './mrkdwn.js';

type Json = Record<string, unknown>;

function textObject(t: unknown): string {
  const o = (t ?? {}) as Json;
  const text = String(o.text ?? '');
  return o.type === 'mrkdwn' ? mrkdwnToHtml(text, { verbatim: o.verbatim === true }) : plainTextToHtml(text, o.emoji !== false);
}

function buttonHtml(el: Json, blockId: string): string {
  const style = el.style === 'primary' ? ' sk-primary' : el.style === 'danger' ? ' sk-danger' : '';
  return `<button type="button" class="sk-button${style}" data-action-id="${escapeHtml(String(el.action_id ?? ''))}" data-value="${escapeHtml(String(el.value ?? ''))}" data-block-id="${escapeHtml(blockId)}">${textObject(el.text)}</button>`;
}

function elementHtml(el: Json, blockId: string): string {
  if (el.type === 'button') return buttonHtml(el, blockId);
  if (el.type === 'image') return `<img class="sk-image" alt="${escapeHtml(String(el.alt_text ?? ''))}" src="" />`;
  if (el.type === 'mrkdwn' || el.type === 'plain_text') return `<span>${textObject(el)}</span>`;
  return `<span class="sk-unsupported">[${escapeHtml(String(el.type))}]</span>`;
}

export function blockToHtml(raw: unknown, index: number): string {
  const b = raw as Json;
  const blockId = String(b.block_id ?? `b${index}`);
  switch (b.type) {
    case 'header':
      return `<div class="sk-header">${textObject(b.text)}</div>`;
    case 'divider':
      return '<hr class="sk-divider" />';
    case 'section': {
      const text = b.text ? `<div class="sk-section-text">${textObject(b.text)}</div>` : '';
      const fields = Array.isArray(b.fields) ? `<div class="sk-fields">${(b.fields as unknown[]).map((f) => `<div class="sk-field">${textObject(f)}</div>`).join('')}</div>` : '';
      const accessory = b.accessory ? `<div class="sk-accessory">${elementHtml(b.accessory as Json, blockId)}</div>` : '';
      return `<div class="sk-section"><div class="sk-section-main">${text}${fields}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="sk-context">${((b.elements as Json[]) ?? []).map((el) => elementHtml(el, blockId)).join(' ')}</div>`;
    case 'actions':
      return `<div class="sk-actions">${((b.elements as Json[]) ?? []).map((el) => elementHtml(el, blockId)).join('')}</div>`;
    case 'input': {
      const el = (b.element ?? {}) as Json;
      const placeholder = el.placeholder ? ` placeholder="${escapeHtml(String((el.placeholder as Json).text ?? ''))}"` : '';
      return `<label class="sk-input"><span class="sk-input-label">${textObject(b.label)}</span><input type="text" data-block-id="${escapeHtml(blockId)}" data-action-id="${escapeHtml(String(el.action_id ?? ''))}"${placeholder} /></label>`;
    }
    default:
      return `<div class="sk-unsupported">[${escapeHtml(String(b.type))} block]</div>`;
  }
}

export function blocksToHtml(blocks: unknown[] | undefined, fallbackText = ''): string {
  if (!blocks || blocks.length === 0) return `<div class="sk-section-text">${mrkdwnToHtml(fallbackText)}</div>`;
  return blocks.map(blockToHtml).join('\n');
}

// Checks a Block Kit payload against Slack's documented limits; returns every violation found.
import { LIMITS } from '../../src/renderers/blockkit/text.js';

type Json = Record<string, unknown>;

export function blockKitProblems(blocks: unknown[], surface: 'message' | 'view' = 'message'): string[] {
  const problems: string[] = [];
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.surfaceBlocks;
  if (blocks.length > max) problems.push(`${blocks.length} blocks > ${max}`);
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const at = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string' && b.block_id.length > LIMITS.id) problems.push(`${at} block_id too long`);
    const text = b.text as Json | undefined;
    if (b.type === 'header' && String(text?.text ?? '').length > LIMITS.headerText) problems.push(`${at} header > 150`);
    if (b.type === 'section') {
      if (text && String(text.text).length > LIMITS.sectionText) problems.push(`${at} text > 3000`);
      if (!text && !b.fields) problems.push(`${at} has neither text nor fields`);
      const fields = (b.fields as Json[] | undefined) ?? [];
      if (fields.length > LIMITS.fields) problems.push(`${at} ${fields.length} fields > 10`);
      fields.forEach((f, j) => String(f.text).length > LIMITS.fieldText && problems.push(`${at} field ${j} > 2000`));
      if (text && String(text.text).trim() === '') problems.push(`${at} empty text`);
    }
    if (b.type === 'context') {
      const els = (b.elements as Json[]) ?? [];
      if (els.length === 0 || els.length > LIMITS.contextElements)
        problems.push(`${at} ${els.length} context elements`);
      els.forEach(
        (el) => String(el.text ?? '').length > LIMITS.sectionText && problems.push(`${at} context text > 3000`),
      );
    }
    if (b.type === 'actions') {
      const els = (b.elements as Json[]) ?? [];
      if (els.length === 0 || els.length > LIMITS.actionsElements) problems.push(`${at} ${els.length} elements`);
      for (const el of els) problems.push(...elementProblems(el, at));
      // Slack: an action_id must be unique among the action_ids of its block.
      const ids = els.map((el) => String(el.action_id ?? ''));
      const repeated = ids.filter((id, j) => id && ids.indexOf(id) !== j);
      if (repeated.length) problems.push(`${at} repeats action_id ${[...new Set(repeated)].join(', ')}`);
    }
    if (b.type === 'context_actions') {
      // docs.slack.dev/reference/block-kit/blocks/context-actions-block: 1–5 feedback buttons or icon buttons.
      const els = (b.elements as Json[]) ?? [];
      if (els.length === 0 || els.length > 5) problems.push(`${at} ${els.length} elements`);
      for (const el of els) {
        if (el.type !== 'feedback_buttons' && el.type !== 'icon_button')
          problems.push(`${at} holds a ${String(el.type)}`);
        for (const side of ['positive_button', 'negative_button'] as const) {
          if (el.type !== 'feedback_buttons') continue;
          const button = el[side] as Json | undefined;
          const text = (button?.text as Json | undefined) ?? {};
          if (text.type !== 'plain_text' || !String(text.text ?? '') || String(text.text).length > 75)
            problems.push(`${at} ${side} text must be plain_text of 1–75 characters`);
          if (!String(button?.value ?? '') || String(button?.value).length > LIMITS.buttonValue)
            problems.push(`${at} ${side} value must be 1–2000 characters`);
          if (String(button?.accessibility_label ?? '').length > 75) problems.push(`${at} ${side} label > 75`);
        }
        problems.push(...elementProblems(el, at));
      }
    }
    if (b.type === 'section' && b.accessory) problems.push(...elementProblems(b.accessory as Json, `${at} accessory`));
  });
  const blockIds = blocks.map((b) => (b as Json).block_id).filter((id): id is string => typeof id === 'string');
  const repeatedBlocks = blockIds.filter((id, j) => blockIds.indexOf(id) !== j);
  if (repeatedBlocks.length) problems.push(`repeats block_id ${[...new Set(repeatedBlocks)].join(', ')}`);
  return problems;
}

function elementProblems(el: Json, at: string): string[] {
  const problems: string[] = [];
  if (el.type === 'button') {
    const text = String((el.text as Json)?.text ?? '');
    if (!text || text.length > LIMITS.buttonText) problems.push(`${at} button text length ${text.length}`);
    if (String(el.value ?? '').length > LIMITS.buttonValue) problems.push(`${at} button value > 2000`);
  }
  if (String(el.action_id ?? '').length > LIMITS.id) problems.push(`${at} action_id > 255`);
  return problems;
}

/** A modal's own limits (title ≤ 24, submit/close ≤ 24, private_metadata ≤ 3000) and its blocks'. */
export function modalProblems(view: Json): string[] {
  const problems = blockKitProblems(view.blocks as unknown[], 'view');
  for (const key of ['title', 'submit', 'close'] as const) {
    const text = String((view[key] as Json | undefined)?.text ?? '');
    if (text.length > LIMITS.modalTitle) problems.push(`${key} "${text}" > ${LIMITS.modalTitle}`);
  }
  if (String(view.private_metadata ?? '').length > 3000) problems.push('private_metadata > 3000');
  if (String(view.callback_id ?? '').length > LIMITS.id) problems.push('callback_id > 255');
  return problems;
}

/** Text that would ping or link: a broadcast, a user or group mention, or a raw <…> Slack would parse. */
export function unsafeMarkup(payload: unknown): string[] {
  const json = JSON.stringify(payload);
  return [...json.matchAll(/<(!channel|!here|!everyone|!subteam\^[^>]*|@[UW][A-Z0-9]+)[^>]*>/g)].map((m) => m[0]);
}

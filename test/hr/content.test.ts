// Announcements drawn from the real knowledge base: what a channel would read, within Slack's block limits.
import { describe, expect, it } from 'vitest';
import { defaultRoleNote } from '../../src/hr/announcements.js';
import { announcementRenderer } from '../../src/renderers/blockkit/hr.js';
import { ACTIONS } from '../../src/renderers/blockkit/ids.js';
import { changesSince, fingerprintOf, knowledgeView } from '../../src/hr/knowledge.js';
import { bootEngine } from '../../src/app/boot.js';
import { blockKitProblems, unsafeMarkup } from '../support/block-limits.js';

const booted = bootEngine();
const view = knowledgeView(() => booted.engine);
const render = announcementRenderer('Europe/Paris');

const visible = (blocks: unknown[]) => JSON.stringify(blocks);

describe('announcements from the knowledge base', () => {
  it('a medical coder spotlight posts the short card under the note, with the details one click away', () => {
    const role = view.findRole('CPC');
    if (role.kind !== 'role') throw new Error(`CPC did not resolve to a role: ${role.kind}`);
    const note = defaultRoleNote(role.role.title);
    const message = render({ kind: 'spotlight', note, role });
    expect(message.text).toMatch(/^Role spotlight: Medical Coder: Very high AI exposure/);
    const text = visible(message.blocks);
    expect(text).toContain('🔦 *Role spotlight: Medical Coder*');
    expect(text).toContain(note);
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('Very high AI exposure'));
    expect(text).toContain('🔴 *Very high AI exposure*  ▰▰▰▰▰▰▰▰▰▱');
    expect(text).toContain('What to do now');
    // The short card: the details are behind the button, not in the channel.
    expect(text).not.toContain('1.4622');
    expect(text).not.toContain('Sources: ');
    expect(text).toContain(ACTIONS.details);
    // Shared as a card in a channel: no personal buttons (Helpful, Share…) under it.
    expect(text).not.toContain('airisk_helpful');
    expect(blockKitProblems(message.blocks)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
  });

  it('the first digest lists the curated roles and questions, each with what its score is on', () => {
    const changes = changesSince(null, view);
    expect(changes.newRoles.map((r) => r.id)).toContain('medical-coder');
    expect(changes.newFaqs.length).toBe(booted.catalog.knowledge.faqs.size);
    const message = render({ kind: 'digest', note: 'Our quarterly update. <!channel> <@U123>', changes });
    const text = visible(message.blocks);
    expect(text).toContain('*Medical Coder*: 11.6 AIJRI');
    expect(text).toContain('Our quarterly update.');
    expect(blockKitProblems(message.blocks)).toEqual([]);
    // An admin's note cannot ping the channel or anyone.
    expect(unsafeMarkup(message)).toEqual([]);
  });

  it('a digest right after another has nothing new', () => {
    const changes = changesSince(fingerprintOf(view, Date.parse('2026-03-30T07:00:00Z')), view);
    expect(
      changes.newRoles.length + changes.rescored.length + changes.removedRoles.length + changes.newFaqs.length,
    ).toBe(0);
    expect(visible(render({ kind: 'digest', note: null, changes }).blocks)).toContain(
      'Nothing changed since the last digest on Mon, 30 Mar 2026, 09:00 (Europe/Paris).',
    );
  });
});

// The local preview in a real browser (Debian's Chromium driven by playwright-core): a person types and clicks
// as in Slack, and the test reads what the page shows. The preview runs on a copy of knowledge/, so the edits
// made here never touch the repository. Expected answers come from the engine on that same copy.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { KnowledgeInvalidError, loadKnowledge, type KnowledgeProblem } from '../../src/catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';
import { verdictStep } from '../../src/answers/format.js';
import { defaultRoleNote } from '../../src/hr/announcements.js';
import { roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { visibleText } from '../support/block-text.js';
import type { Engine } from '../../src/engine/types.js';
import { bootEngine } from '../../src/app/boot.js';
import { startPreview } from '../../src/app/preview.js';
import type { PreviewServer } from '../../src/transports/preview/server.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-results/preview';
const WAIT = { timeout: 10_000 };
/** Slack's workspace rail, which the preview does not draw, and Slack's message pane at 1280×800 (see README). */
const SLACK_RAIL = 72;
const SLACK_PANE_HEIGHT = 560;
/** Room kept for the resolver's matched-title line (issue 10): one context line and its margin. */
const MATCH_LINE_ALLOWANCE = 26;
/** Roles from across the economy whose first screens are measured and saved as screenshots. */
const FIRST_SCREEN_ROLES = [
  ['medical-coder', 'medical coder'],
  ['accountant', 'accountant'],
  ['cashier', 'cashier'],
  ['software-developer', 'software developer'],
] as const;
const MARKUP_SUMMARY = 'Submits claims <img src=x onerror="window.__xss=1"> & <b>posts</b> payments.';

let browser: Browser;
/** Every role the engine knows, for picking the longest first screens. */
let listRoles: () => { id: string }[] = () => [];
let page: Page;
let preview: PreviewServer;
let knowledgeDir: string;
let engine: Engine;
const pageErrors: string[] = [];
const outsideRequests: string[] = [];
const env = {
  ...process.env,
  AIRISK_DATA_DIR: process.env.AIRISK_DATA_DIR ?? '../shared/datasets',
  SLACK_BOT_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  SLACK_APP_TOKEN: '',
};

function editYaml(file: string, change: (doc: ReturnType<typeof parseDocument>) => void): void {
  const path = join(knowledgeDir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  change(doc);
  writeFileSync(path, doc.toString());
}

beforeAll(async () => {
  knowledgeDir = mkdtempSync(join(tmpdir(), 'airisk-preview-kb-'));
  cpSync(defaultKnowledgeDir, knowledgeDir, { recursive: true });
  // Knowledge text with markup in it: the page must show it as text.
  editYaml('roles/medical-biller.yaml', (doc) => doc.setIn(['summary'], MARKUP_SUMMARY));
  const booted = bootEngine(env, knowledgeDir);
  engine = booted.engine;
  listRoles = () => [...booted.catalog.roles.values()];
  preview = await startPreview({ port: 0, env, knowledgeDir });
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A step that cannot happen fails with Playwright's own message (what it waited for) before the test's timeout.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('request', (req) => {
    if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(req.url())) outsideRequests.push(req.url());
  });
  await page.goto(preview.url.replace('localhost', '127.0.0.1'));
  await page.waitForSelector('#kb-status.ok', WAIT);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(knowledgeDir, { recursive: true, force: true });
});

async function send(text: string): Promise<void> {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

const botMessages = () => page.locator('#chat .msg.bot');
const lastBot = () => botMessages().last();

/** Waits for a new app message whose header is `header`, and returns that message (not whichever is last). */
async function answerWithHeader(header: string, before: number): Promise<Locator> {
  await expect
    .poll(
      async () =>
        (await botMessages().count()) > before && (await lastBot().locator('.sk-header').first().textContent()),
      WAIT,
    )
    .toBe(header);
  const key = await lastBot().getAttribute('data-key');
  return page.locator(`#chat .msg[data-key="${key}"]`);
}

/** The app's message shortcut from a message's "More actions" menu, as a person opens it. */
async function useShortcut(message: Locator): Promise<void> {
  await message.hover();
  await message.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: /AI risk of this role/ }).click();
}

/** A score card's header as the Block Kit renderer writes it: the title alone (the code is in the details). */
const cardHeader = (role: { title: string }) => role.title;

function roleHeader(roleId: string): string {
  const card = engine.card(roleId);
  expect(card, `${roleId} is a role`).toBeTruthy();
  return cardHeader(card!.role);
}

/** The verdict's words as the first screen shows them, e.g. "Very high AI exposure". */
function verdictOf(roleId: string): string {
  const card = engine.card(roleId);
  expect(card?.verdict, `${roleId} has a verdict`).toBeTruthy();
  return `${verdictStep(card!.verdict!.level).words} AI exposure`;
}

describe('local preview in Chromium', () => {
  it('looks a role up with the slash command and draws the first screen as Slack does', async () => {
    const before = await botMessages().count();
    await send('/airisk medical coder');
    const card = await answerWithHeader(roleHeader('medical-coder'), before);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Only visible to you');
    expect(await card.locator('strong').first().textContent()).toBe(verdictOf('medical-coder'));
    expect(text).toContain('What to do now');
    expect(text).not.toContain('What each source measures');
    for (const name of [
      'Reskilling path',
      'How we scored this',
      'Compare',
      'Share in channel',
      '👍 Helpful',
      '👎 Not helpful',
    ])
      await expect.poll(() => card.getByRole('button', { name }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/score-card.png` });
  });

  it('opens "How we scored this" over the card, with every measure, the formula and the sources', async () => {
    const card = lastBot();
    await card.getByRole('button', { name: 'How we scored this' }).click();
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(true);
    expect(await page.locator('#modal-title').textContent()).toBe('How we scored this');
    const details = (await page.locator('#modal-body').textContent()) ?? '';
    for (const fact of ['What each source measures', '(1.4622 − 0.54) / 7.93 × 100 = 11.6', 'Experience', 'Sources'])
      expect(details).toContain(fact);
    await page.screenshot({ path: `${SHOTS}/how-we-scored-this.png` });
    await page.click('#modal-cancel');
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(false);
  });

  it('fits the first screen of roles from across the economy in the Slack desktop client at 1280×800', async () => {
    // Slack's desktop window at 1280×800 has a 72 px workspace rail the preview lacks: narrowing the page by it
    // gives the message column Slack gives. Slack's message pane (under its search bar, conversation header and
    // tabs, above its composer) is about 560 px high; the preview's own pane must hold the card too.
    await page.setViewportSize({ width: 1280 - SLACK_RAIL, height: 800 });
    const heights: Record<string, { height: number; pane: number }> = {};
    try {
      // The four roles, then the two first screens with the most text and the most lines (the budget's worst cases).
      const longest = [...engine.help().popularRoles, ...listRoles()]
        .map((r) => r.id)
        .filter((id, i, all) => all.indexOf(id) === i)
        .map((id) => {
          const text = visibleText(roleCardMessage(engine.card(id)!).blocks);
          return { id, chars: text.length, lines: text.split('\n').length };
        });
      const byChars = [...longest].sort((a, b) => b.chars - a.chars)[0]!;
      const byLines = [...longest]
        .filter((r) => r.id !== byChars.id)
        .sort((a, b) => b.lines - a.lines || b.chars - a.chars)[0]!;
      const worst = [byChars, byLines].map((r) => [r.id, engine.card(r.id)!.role.title] as const);
      for (const [slug, query] of [...FIRST_SCREEN_ROLES, ...worst]) {
        const before = await botMessages().count();
        await send(`/airisk ${query}`);
        const answer = engine.ask(query);
        if (answer.kind !== 'role') throw new Error(`${query} should be a role, got ${answer.kind}`);
        const card = await answerWithHeader(cardHeader(answer.role), before);
        await card.evaluate((el) => el.scrollIntoView({ block: 'end' }));
        const height = Math.round((await card.boundingBox())!.height);
        const pane = await page.locator('#chat').evaluate((el) => el.clientHeight);
        heights[slug] = { height, pane };
        expect(height + MATCH_LINE_ALLOWANCE, `${query}: first screen height`).toBeLessThanOrEqual(SLACK_PANE_HEIGHT);
        expect(height, `${query}: first screen within the preview's pane`).toBeLessThanOrEqual(pane);
        // The whole first screen is in view at once: title at the top, buttons at the bottom.
        const top = (await card.locator('.sk-header').boundingBox())!.y;
        const bottom = await card.locator('.sk-actions').evaluate((el) => el.getBoundingClientRect().bottom);
        const chat = (await page.locator('#chat').boundingBox())!;
        expect(top).toBeGreaterThanOrEqual(chat.y);
        expect(bottom).toBeLessThanOrEqual(chat.y + chat.height);
        if (FIRST_SCREEN_ROLES.some(([s]) => s === slug))
          await page.screenshot({ path: `${SHOTS}/first-screen-${slug}.png` });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    writeFileSync(`${SHOTS}/first-screen-heights.json`, `${JSON.stringify(heights, null, 2)}\n`);
  });

  it('follows the reskilling path from the card, then a move to its score card', async () => {
    const path = engine.path('medical coder');
    if (path.kind !== 'path') throw new Error(`expected a path for medical coder, got ${path.kind}`);
    const first = path.path.transitions[0];
    expect(first, 'medical coder has at least one move').toBeTruthy();

    let before = await botMessages().count();
    await send('/airisk medical coder');
    const card = await answerWithHeader(roleHeader('medical-coder'), before);
    before = await botMessages().count();
    await card.getByRole('button', { name: 'Reskilling path' }).click();
    const answer = await answerWithHeader('Reskilling path: Medical Coder', before);
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain(first!.title);
    expect(text).toContain(first!.why);
    expect(text).toContain('Skills to build');
    await answer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/path.png` });

    before = await botMessages().count();
    await answer.locator('.sk-actions').getByRole('button', { name: first!.title, exact: true }).click();
    await answerWithHeader(cardHeader(first!), before);
  });

  it('compares two roles typed as a command, and through the Compare button and its modal', async () => {
    let before = await botMessages().count();
    await send('/airisk compare registered nurse vs medical coder');
    const compared = await answerWithHeader('Registered Nurse vs Medical Coder', before);
    const text = (await compared.textContent()) ?? '';
    expect(text).toContain(verdictOf('registered-nurse'));
    expect(text).toContain(verdictOf('medical-coder'));
    // Two-column fields, one column per role.
    expect(
      await compared
        .locator('.sk-fields')
        .first()
        .evaluate(
          (el) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { gridTemplateColumns: string } })
              .getComputedStyle(el)
              .gridTemplateColumns.split(' ').length,
        ),
    ).toBe(2);
    await page.screenshot({ path: `${SHOTS}/compare.png` });

    before = await botMessages().count();
    await send('/airisk CPC');
    const card = await answerWithHeader(roleHeader('medical-coder'), before);
    await card.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(true);
    expect(await page.locator('#modal-title').textContent()).toBe('Compare');
    // Slack checks a required field before the app hears of it.
    await page.click('#modal-submit');
    await expect
      .poll(() => page.locator('#modal-body .sk-input-error').first().textContent(), WAIT)
      .toBe('Please complete this required field.');
    await page.screenshot({ path: `${SHOTS}/compare-modal.png` });
    before = await botMessages().count();
    await page.fill('#modal-body textarea, #modal-body input', 'registered nurse');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(false);
    await answerWithHeader('Medical Coder vs Registered Nurse', before);
  });

  it('answers a question sent as a direct message, and offers candidates for an ambiguous title', async () => {
    const question = 'is medical coding still worth learning?';
    const faq = engine.ask(question);
    if (faq.kind !== 'faq') throw new Error(`expected an FAQ for "${question}", got ${faq.kind}`);
    let before = await botMessages().count();
    await send(question);
    await expect.poll(() => page.locator('#chat .msg.you .msg-body').last().textContent(), WAIT).toBe(question);
    const answer = await answerWithHeader(faq.faq.question, before);
    // Posted in the DM with chat.postMessage: a normal message, not an ephemeral one.
    expect(await answer.evaluate((el) => el.classList.contains('ephemeral'))).toBe(false);
    expect(await answer.textContent()).toContain('Sources:');

    const ambiguous = engine.ask('manager');
    if (ambiguous.kind !== 'ambiguous') throw new Error(`expected "manager" to be ambiguous, got ${ambiguous.kind}`);
    const candidate = ambiguous.candidates[0]!;
    before = await botMessages().count();
    await send('/airisk manager');
    await expect
      .poll(async () => (await botMessages().count()) > before && (await lastBot().textContent()), WAIT)
      .toContain('Did you mean one of these');
    await lastBot().getByRole('button', { name: candidate.title, exact: true }).click();
    await answerWithHeader(cardHeader(candidate), before + 1);

    // A card says which title matched, and offers the other occupations it can mean as buttons ("Also").
    const forklift = engine.ask('forklift operator');
    if (forklift.kind !== 'role') throw new Error(`expected "forklift operator" to give a card, got ${forklift.kind}`);
    const also = forklift.alternatives[0]!;
    before = await botMessages().count();
    await send('/airisk forklift operator');
    const card = await answerWithHeader(cardHeader(forklift.role), before);
    expect(await card.textContent()).toContain('is an O*NET title of Industrial Truck and Tractor Operators');
    await card.getByRole('button', { name: also.title, exact: true }).click();
    await answerWithHeader(cardHeader(also), before + 1);
  });

  it('shares a card in a channel, takes feedback, and answers a mention in a thread', async () => {
    await page.getByRole('button', { name: 'general', exact: true }).click();
    await expect.poll(() => page.locator('#conversation-name').textContent()).toBe('general');
    let before = await botMessages().count();
    await send('/airisk medical coder');
    const card = await answerWithHeader(roleHeader('medical-coder'), before);
    before = await botMessages().count();
    await card.getByRole('button', { name: 'Share in channel' }).click();
    const shared = await answerWithHeader(roleHeader('medical-coder'), before);
    expect(await shared.evaluate((el) => el.classList.contains('ephemeral'))).toBe(false);
    // Whoever reads it in the channel can open the details or the path; no one else's votes or sharing.
    expect(await shared.locator('.msg-body button').allTextContents()).toEqual([
      'How we scored this',
      'Reskilling path',
    ]);

    before = await botMessages().count();
    await card.getByRole('button', { name: '👍 Helpful' }).click();
    await expect
      .poll(async () => (await botMessages().count()) > before && (await lastBot().textContent()), WAIT)
      .toContain('Thanks! Glad it helped.');

    before = await botMessages().count();
    await send('@airisk registered nurse');
    const reply = await answerWithHeader(roleHeader('registered-nurse'), before);
    expect(await reply.textContent()).toContain('replied in thread');
    await page.screenshot({ path: `${SHOTS}/channel.png` });
    await page.getByRole('button', { name: 'airisk', exact: true }).click();
  });

  it('shows what people type and what knowledge says as text, never as markup', async () => {
    const typed = '<img src=x onerror=window.__xss=1> & <b>hi</b>';
    await send(typed);
    await expect.poll(() => page.locator('#chat .msg.you .msg-body').last().textContent(), WAIT).toBe(typed);
    const before = await botMessages().count();
    await send('/airisk medical biller');
    const card = await answerWithHeader(roleHeader('medical-biller'), before);
    // The summary is in the details.
    await card.getByRole('button', { name: 'How we scored this' }).click();
    await expect.poll(() => page.locator('#modal-body').textContent(), WAIT).toContain(MARKUP_SUMMARY);
    expect(await page.locator('#modal-body img, #modal-body b').count()).toBe(0);
    await page.click('#modal-cancel');
    expect(await page.locator('#chat img, #chat b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('shows App Home in words for employees, opens a role from across the economy and looks one up', async () => {
    await page.click('.tab[data-tab="home"]');
    await expect
      .poll(() => page.locator('#home .sk-header').first().textContent(), WAIT)
      .toBe('Will AI replace my job?');
    const home = (await page.locator('#home').textContent()) ?? '';
    expect(home).toContain(engine.help().coverage);
    expect(home).not.toContain(env.AIRISK_DATA_DIR);
    expect(home).not.toMatch(/Not joined|occupations \(|\d+ roles/);
    await page.screenshot({ path: `${SHOTS}/home.png` });

    await page.locator('#home').getByRole('button', { name: 'Look up a job' }).click();
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(true);
    const before = await botMessages().count();
    await page.fill('#modal-body input', 'CPC');
    await page.press('#modal-body input', 'Enter');
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(false);

    const popular = engine.help().popularRoles[1]!;
    await page.locator('#home').getByRole('button', { name: popular.title, exact: true }).click();
    await page.click('.tab[data-tab="messages"]');
    // The lookup and the popular role both land in the DM with the app.
    await expect.poll(() => botMessages().count(), WAIT).toBe(before + 2);
    const headers = await botMessages().locator('.sk-header').allTextContents();
    expect(headers.slice(-2)).toEqual([roleHeader('medical-coder'), cardHeader(popular)]);
  });

  it('lets the HR admin preview an announcement, edit its note and channel, and post it', async () => {
    const before = await botMessages().count();
    await send('/airisk announce medical coder');
    await expect
      .poll(async () => (await botMessages().count()) > before && (await lastBot().textContent()), WAIT)
      .toContain('to #hr-announcements');
    const draft = page.locator(`#chat .msg[data-key="${await lastBot().getAttribute('data-key')}"]`);
    // The short card under the default note, which the Edit modal offers to change but not to drop.
    expect(await draft.textContent()).toContain(defaultRoleNote('Medical Coder'));
    expect(await draft.textContent()).not.toContain('1.4622');

    await draft.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => page.locator('#modal-title').textContent(), WAIT).toBe('Edit announcement');
    expect(await page.locator('#modal-body textarea').inputValue()).toBe(defaultRoleNote('Medical Coder'));
    await page.fill('#modal-body textarea', '');
    await page.click('#modal-submit');
    await expect
      .poll(() => page.locator('#modal-body .sk-input-error').first().textContent(), WAIT)
      .toBe('Please complete this required field.');
    await page.selectOption('#modal-body select', { label: '#general' });
    const note = 'Read this before Friday’s meeting & <bring questions>';
    await page.fill('#modal-body textarea', note);
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(false);
    // The edit replaces the draft in place (through the draft's response_url).
    await expect.poll(() => draft.textContent(), WAIT).toContain('to #general');
    expect(await draft.textContent()).toContain(note);

    await draft.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => draft.textContent(), WAIT).toContain('Posted to #general');
    await page.locator('[data-conversation="C0GENERAL"]').click();
    const posted = lastBot();
    await expect.poll(() => posted.textContent(), WAIT).toContain(note);
    expect(await posted.textContent()).toContain('Medical Coder');
    expect(await posted.evaluate((el) => el.classList.contains('ephemeral'))).toBe(false);
    // Anyone in the channel opens the details for themselves.
    await posted.getByRole('button', { name: 'How we scored this' }).click();
    await expect.poll(() => page.locator('#modal-title').textContent(), WAIT).toBe('How we scored this');
    await page.click('#modal-cancel');
    await posted.evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/hr-announcement.png` });
    await page.getByRole('button', { name: 'airisk', exact: true }).click();
  });

  it('shows an invalid knowledge edit with file, line and field, and keeps answering from the last valid knowledge', async () => {
    const file = join(knowledgeDir, 'roles/medical-coder.yaml');
    const original = readFileSync(file, 'utf8');
    expect(original).toMatch(/timeShare: 35\n/);
    writeFileSync(file, original.replace(/timeShare: 35\n/, 'timeShare: 30\n'));
    let expected: KnowledgeProblem | undefined;
    try {
      loadKnowledge(knowledgeDir);
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeInvalidError);
      expected = (err as KnowledgeInvalidError).problems[0];
    }
    expect(expected?.message).toBe('time shares must add up to 100 %, but they add up to 95 %');

    await page.reload();
    await expect.poll(() => page.locator('#errors').isVisible(), WAIT).toBe(true);
    const row = await page.locator('#errors-rows tr').first().locator('td').allTextContents();
    expect(row).toEqual([expected!.file, String(expected!.line), expected!.field, expected!.message]);
    expect(await page.locator('#kb-status').textContent()).toContain('Knowledge edit invalid');

    const before = await botMessages().count();
    await send('/airisk medical coder');
    const card = await answerWithHeader(roleHeader('medical-coder'), before);
    expect(await card.locator('strong').first().textContent()).toBe(verdictOf('medical-coder'));
    await page.screenshot({ path: `${SHOTS}/invalid-knowledge.png` });

    // A valid edit is picked up while the page stays open (the folder is watched) and the problems go away.
    writeFileSync(file, original.replace('title: Medical Coder\n', 'title: Medical Coder (edited)\n'));
    await expect.poll(() => page.locator('#errors').isVisible(), WAIT).toBe(false);
    expect(await page.locator('#kb-status').textContent()).toContain('Knowledge loaded');
    await send('/airisk CPC');
    await answerWithHeader('Medical Coder (edited)', before + 1);
    writeFileSync(file, original);
  });

  it('opens the assistant beside a channel: suggested prompts, a status line, answers and follow-ups in the thread', async () => {
    await page.locator('[data-conversation="C0CODING"]').click();
    await expect.poll(() => page.locator('#conversation-name').textContent()).toBe('medical-coding');
    const channelMessages = await page.locator('#chat .msg').count();
    // Record every status line the pane shows: the app sets it, then its answer clears it.
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { getElementById(id: string): unknown } }).document;
      const seen: string[] = [];
      (globalThis as { __statuses?: string[] }).__statuses = seen;
      const Observer = (
        globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void } }
      ).MutationObserver;
      const node = doc.getElementById('assistant-status-text') as { textContent: string };
      new Observer(() => void (node.textContent && seen.push(node.textContent))).observe(node, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.click('#assistant-toggle');
    await expect.poll(() => page.locator('#assistant').isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.locator('#assistant-prompts-title').textContent(), WAIT).toBe('For #medical-coding');
    expect(await page.locator('#assistant-context').textContent()).toBe('Beside #medical-coding');
    const pane = page.locator('#assistant-thread');
    await expect.poll(() => pane.locator('.msg.bot').first().textContent(), WAIT).toContain('Tell me a job title');
    await page.screenshot({ path: `${SHOTS}/assistant-prompts.png` });

    await page.locator('#assistant-prompt-list').getByRole('button', { name: 'AI risk: Medical Coder' }).click();
    await expect
      .poll(() => pane.locator('.msg.bot .sk-header').last().textContent(), WAIT)
      .toBe(roleHeader('medical-coder'));
    await expect.poll(() => page.locator('#assistant-title').textContent(), WAIT).toBe('Medical Coder');
    expect(await page.locator('#assistant-prompts').isVisible()).toBe(false);
    expect(await page.evaluate(() => (globalThis as { __statuses?: string[] }).__statuses)).toContain(
      'airisk is checking the sources…',
    );
    expect(await page.locator('#assistant-status').isVisible()).toBe(false);
    // Slack's feedback buttons on the card in the thread; the thanks comes in the thread.
    await pane
      .locator('.msg.bot')
      .last()
      .getByRole('button', { name: 'Helpful: this card answered my question' })
      .click();
    await expect.poll(() => pane.locator('.msg.bot').last().textContent(), WAIT).toContain('Thanks! Glad it helped.');

    await page.fill('#assistant-text', 'show the path');
    await page.press('#assistant-text', 'Enter');
    await expect
      .poll(() => pane.locator('.msg.bot .sk-header').last().textContent(), WAIT)
      .toBe('Reskilling path: Medical Coder');
    await expect
      .poll(() => page.locator('#assistant-title').textContent(), WAIT)
      .toBe('Reskilling path: Medical Coder');
    await page.fill('#assistant-text', 'compare with registered nurse');
    await page.press('#assistant-text', 'Enter');
    await expect
      .poll(() => pane.locator('.msg.bot .sk-header').last().textContent(), WAIT)
      .toBe('Medical Coder vs Registered Nurse');
    // A button on a card in the thread answers in the thread, and the thread follows the new role.
    await pane.locator('.msg.bot').last().getByRole('button', { name: 'Open Registered Nurse' }).click();
    await expect
      .poll(() => pane.locator('.msg.bot .sk-header').last().textContent(), WAIT)
      .toBe(roleHeader('registered-nurse'));
    await expect.poll(() => page.locator('#assistant-title').textContent(), WAIT).toBe('Registered Nurse');
    await page.screenshot({ path: `${SHOTS}/assistant-thread.png` });
    // The thread lives in the pane: the channel beside it got nothing.
    expect(await page.locator('#chat .msg').count()).toBe(channelMessages);

    // Another channel with the pane open: the app is told, and a new chat follows the channel.
    await page.locator('[data-conversation="C0GENERAL"]').click();
    await expect.poll(() => page.locator('#assistant-context').textContent(), WAIT).toBe('Beside #general');
    await page.click('#assistant-new');
    await expect.poll(() => page.locator('#assistant-prompts-title').textContent(), WAIT).toBe('Try asking');
    expect(await pane.locator('.msg.bot .sk-header').count()).toBe(0);
    await page.click('#assistant-close');
    expect(await page.locator('#assistant').isVisible()).toBe(false);
  });

  it("runs the message shortcut from a message's menu: a job post's roles in a modal, one role's card privately", async () => {
    await page.locator('[data-conversation="C0GENERAL"]').click();
    await send("We're hiring: a medical coder, a registered nurse and a pharmacy technician. Apply by Friday!");
    const post = page.locator('#chat .msg.you').last();
    await expect.poll(() => post.textContent(), WAIT).toContain('pharmacy technician');
    await useShortcut(post);
    await expect.poll(() => page.locator('#modal-title').textContent(), WAIT).toBe('Roles in this message');
    const modal = page.locator('#modal-body');
    expect(await modal.textContent()).toContain('names 3 roles');
    for (const id of ['medical-coder', 'registered-nurse', 'pharmacy-technician'])
      expect(await modal.textContent()).toContain(engine.card(id)!.role.title);
    await page.screenshot({ path: `${SHOTS}/shortcut-modal.png` });
    await modal.getByRole('button', { name: 'Open card' }).nth(1).click();
    await page.click('#modal-cancel');
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.locator('[data-conversation="D0AIRISK"] .sidebar-badge').count(), WAIT).toBe(1);

    const before = await botMessages().count();
    await send('Anyone here work as a clinical coder?');
    const single = page.locator('#chat .msg.you').last();
    await expect.poll(() => single.textContent(), WAIT).toContain('clinical coder');
    await useShortcut(single);
    const card = await answerWithHeader(roleHeader('medical-coder'), before);
    expect(await card.textContent()).toContain('Only visible to you');

    await page.locator('[data-conversation="D0AIRISK"]').click();
    await expect
      .poll(() => lastBot().locator('.sk-header').first().textContent(), WAIT)
      .toBe(roleHeader('registered-nurse'));
  });

  it('runs the Workflow Builder step from its form: outputs, the card in the channel, and a failure explained', async () => {
    await page.getByRole('button', { name: 'AI career card for a role' }).click();
    await expect.poll(() => page.locator('#workflow-backdrop').isVisible(), WAIT).toBe(true);
    await page.fill('#workflow-input-role', 'medical codr');
    await page.selectOption('#workflow-input-channel', { label: '#hr-announcements' });
    await page.click('#workflow-run');
    await expect
      .poll(() => page.locator('#workflow-result .workflow-state').textContent(), WAIT)
      .toBe('Step completed');
    const outputs = Object.fromEntries(
      await page
        .locator('#workflow-result dt')
        .evaluateAll((dts) =>
          dts.map((dt) => [
            (dt as unknown as { dataset: { output: string } }).dataset.output,
            (dt.nextSibling as { textContent: string }).textContent,
          ]),
        ),
    );
    const card = engine.card('medical-coder')!;
    expect(outputs).toMatchObject({
      role_title: 'Medical Coder',
      score: String(card.verdict!.exposure),
      zone: 'Very high AI exposure',
      confidence: card.verdict!.confidence,
    });
    expect(outputs.summary).toMatch(/^Medical Coder: Very high AI exposure /);
    await page.screenshot({ path: `${SHOTS}/workflow-step.png` });

    await page.fill('#workflow-input-role', 'qwxzzv plorft');
    await page.selectOption('#workflow-input-channel', { label: 'No channel' });
    await page.click('#workflow-run');
    await expect.poll(() => page.locator('#workflow-result .workflow-state').textContent(), WAIT).toBe('Step failed');
    expect(await page.locator('#workflow-result .workflow-error').textContent()).toMatch(
      /^No role found for “qwxzzv plorft”/,
    );
    await page.click('#workflow-cancel');

    await page.locator('[data-conversation="C0HRNEWS"]').click();
    await expect
      .poll(() => lastBot().locator('.sk-header').first().textContent(), WAIT)
      .toBe(roleHeader('medical-coder'));
    await page.locator('[data-conversation="D0AIRISK"]').click();
  });

  it('raised no page errors and asked nothing of any other host', () => {
    expect(pageErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });
});

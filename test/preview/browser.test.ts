// The local preview in a real browser (Debian's chromium driven by playwright-core): type, click, look.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';
import { startPreview } from '../../src/transports/preview/server.js';

const CHROMIUM = '/usr/bin/chromium';
const shots = 'test-results/preview';
let browser: Browser;
let page: Page;
let preview: Awaited<ReturnType<typeof startPreview>>;
let knowledgeDir: string;

beforeAll(async () => {
  knowledgeDir = mkdtempSync(join(tmpdir(), 'airisk-preview-kb-'));
  cpSync(defaultKnowledgeDir, knowledgeDir, { recursive: true });
  preview = await startPreview({ port: 0, env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' }, knowledgeDir });
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(preview.url.replace('localhost', '127.0.0.1'));
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

describe('local preview in Chromium', () => {
  it('shows a score card for a slash command, as Slack would draw it', async () => {
    await send('/airisk medical coder');
    const card = page.locator('.msg.bot').last();
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Medical Coder · SOC 29-2072');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('11.6');
    expect(text).toContain('RED');
    expect(text).toContain('Only visible to you');
    expect(await card.locator('strong').first().textContent()).toBe('11.6');
    await page.screenshot({ path: `${shots}/score-card.png`, fullPage: false });
  });

  it('follows the reskilling path from the card button', async () => {
    await page.locator('.msg.bot').last().getByRole('button', { name: 'Reskilling path' }).click();
    await expect.poll(() => page.locator('.msg.bot .sk-header').last().textContent(), { timeout: 10_000 }).toBe('Reskilling path: Medical Coder');
    const text = (await page.locator('.msg.bot').last().textContent()) ?? '';
    expect(text).toContain('Compliance Manager');
    expect(text).toContain('Skills to build');
    await page.screenshot({ path: `${shots}/path.png` });
  });

  it('compares two roles and answers a free-text question with the FAQ', async () => {
    await send('/airisk compare medical coder vs registered nurse');
    await expect.poll(() => page.locator('.msg.bot .sk-header').last().textContent(), { timeout: 10_000 }).toBe('Medical Coder vs Registered Nurse');
    await send('is medical coding still worth learning?');
    await expect.poll(() => page.locator('.msg.bot .sk-header').last().textContent(), { timeout: 10_000 }).toBe('Is medical coding still worth learning in 2026?');
    expect(await page.locator('.msg.bot').last().textContent()).toContain('Sources:');
    await page.screenshot({ path: `${shots}/compare-faq.png` });
  });

  it('offers candidates for an ambiguous title and opens one by its button', async () => {
    await send('/airisk nurse practitioner or midwife');
    await send('/airisk manager');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('could mean several roles');
    const candidate = page.locator('.msg.bot').last().locator('button.sk-button').first();
    const title = ((await candidate.textContent()) ?? '').replace(/ \(\d{2}-\d{4}\)$/, '');
    await candidate.click();
    await expect.poll(() => page.locator('.msg.bot .sk-header').last().textContent(), { timeout: 10_000 }).toContain(title);
  });

  it('shows escaped user text, never markup', async () => {
    await send('<img src=x onerror=alert(1)> <!channel>');
    await expect.poll(() => page.locator('.msg.you .you-text').last().textContent()).toBe('<img src=x onerror=alert(1)> <!channel>');
    expect(await page.locator('.msg img').count()).toBe(0);
  });

  it('shows App Home and looks a role up through its modal', async () => {
    await page.click('.tab[data-tab="home"]');
    await expect.poll(() => page.locator('#home').textContent(), { timeout: 10_000 }).toContain('Popular roles');
    await page.screenshot({ path: `${shots}/home.png` });
    await page.locator('#home').getByRole('button', { name: 'Look up a role' }).click();
    await expect.poll(() => page.locator('#modal-backdrop').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.fill('#modal-body input', 'CPC');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('.msg.bot .sk-header').last().textContent(), { timeout: 10_000 }).toBe('Medical Coder · SOC 29-2072');
  });

  it('shows an invalid knowledge edit on the page and keeps answering from the last valid knowledge', async () => {
    const file = join(knowledgeDir, 'roles/medical-coder.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/timeShare: 35\n/, 'timeShare: 30\n'));
    await page.reload();
    await expect.poll(() => page.locator('#errors').textContent(), { timeout: 10_000 }).toContain('knowledge/roles/medical-coder.yaml');
    expect(await page.locator('#errors').textContent()).toContain('time shares must add up to 100 %, but they add up to 95 %');
    await send('/airisk medical coder');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('11.6');
    await page.screenshot({ path: `${shots}/invalid-knowledge.png` });

    // A valid edit is picked up on the next action and the error goes away.
    writeFileSync(file, original.replace('title: Medical Coder\n', 'title: Medical Coder (edited)\n'));
    await send('/airisk CPC');
    await expect.poll(() => page.locator('.msg.bot .sk-header').last().textContent(), { timeout: 10_000 }).toBe('Medical Coder (edited) · SOC 29-2072');
    await expect.poll(() => page.locator('#errors').isVisible()).toBe(false);
  });
});

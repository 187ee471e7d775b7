// The first second after a start, under traffic: the warm-up is building the reskilling model every card needs.
// A slash command arriving then is acknowledged at once and its card waits for the model, rather than building it
// on the spot and holding every request behind it for most of a second (docs/PERFORMANCE.md, the first 3 s).
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { bootEngine } from '../../src/app/boot.js';
import { useTestApp } from '../support/slack-app.js';
import { slashCommand } from '../support/slack-requests.js';

const { engine } = bootEngine();
// Records, for each answer the app asks for, whether the warm-up was still building the model at that moment.
const askedWhileWarming: boolean[] = [];
const watched: Engine = {
  ...engine,
  answer: (request) => {
    askedWhileWarming.push(engine.warmingUp());
    return engine.answer(request);
  },
};
const { fake, app } = useTestApp(watched);

describe('a slash command while the warm-up builds the reskilling model', () => {
  it('is acknowledged at once and answered once the model is built', async () => {
    expect(engine.warmingUp()).toBe(false);
    const steps = engine.warmUpSteps();
    steps.next();
    expect(engine.warmingUp()).toBe(true);

    const res = await slashCommand(app().url, 'medical coder', fake.responseUrl());
    expect(res.status).toBe(200);
    // The rest of the warm-up, a step per turn of the event loop, as a server runs it beside its requests.
    while (!steps.next().done) await new Promise((r) => setImmediate(r));

    const [reply] = await fake.waitFor('response');
    expect(String(reply?.body.text)).toMatch(/^Medical Coder: Very high AI exposure/);
    expect(askedWhileWarming).toEqual([false]);
  });

  it('does not wait when no warm-up is running (a CLI, a test, a warm-up done)', async () => {
    expect(engine.warmingUp()).toBe(false);
    await slashCommand(app().url, 'registered nurse', fake.responseUrl());
    const [reply] = await fake.waitFor('response');
    expect(String(reply?.body.text)).toMatch(/^Registered Nurse:/);
  });
});

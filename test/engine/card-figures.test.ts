// The figure fixes of issue 11 on real cards: a measure's direction comes from the measure, a sign marks changes
// only, the Microsoft health-record caveat appears only where it applies, dates no source states read as
// approximate, and the terminal compare names each figure's source and year.
import { describe, expect, it } from 'vitest';
import type { RoleAnswer } from '../../src/answers/types.js';
import { detailsBlocks } from '../../src/renderers/blockkit/details.js';
import { renderText } from '../../src/renderers/terminal.js';
import { bootEngine } from '../../src/app/boot.js';

const { engine } = bootEngine();
const card = (id: string): RoleAnswer => {
  const answer = engine.card(id);
  if (!answer) throw new Error(`no role ${id}`);
  return answer;
};
const coder = card('medical-coder');
const text = (s: string) => s.replace(/\s+/g, ' ');

describe('AI Complementarity', () => {
  it('takes its direction from the measure (higher = AI assists), not from the index that contains it', () => {
    const complementarity = coder.measures.find((m) => m.measure.startsWith('AI Complementarity'));
    expect(complementarity?.higherMeansMoreRisk).toBe(false);
    const index = coder.measures.find((m) => m.measure === 'AI Disruption Index');
    expect(index?.higherMeansMoreRisk).toBe(true);
  });
});

describe('signs', () => {
  it('mark changes only, never levels', () => {
    const displays = [...coder.pay, ...coder.outlook, ...coder.otherFigures].map((f) => [f.label, f.display]);
    expect(displays).toContainEqual([expect.stringMatching(/^Digit-level accuracy/), '70%']);
    expect(displays).toContainEqual([expect.stringMatching(/^Healthcare organisations using AI/), '48%']);
    expect(displays).toContainEqual([expect.stringMatching(/^Median salary change/), '-1.5%']);
    expect(displays).toContainEqual([expect.stringMatching(/^Projected employment growth/), '+7%']);
    for (const [label, display] of displays)
      if (display?.startsWith('+')) expect(label).toMatch(/change|growth|new jobs/i);
  });
});

describe('the Microsoft caveat', () => {
  const microsoft = (id: string) => card(id).measures.find((m) => m.source === 'microsoft-ai-applicability');

  it('never explains a low score on a card where the score ranks the occupation high', () => {
    const m = microsoft('medical-coder');
    expect(m?.percentile).toBeGreaterThan(50);
    expect(m?.note).toBe('Measures where people applied AI in Bing Copilot chats, not whether the job is replaced.');
    expect(renderText(coder, { details: true })).not.toMatch(/compliant tools/);
  });

  it('appears where health-record work is a large part of the job and the score ranks it low', () => {
    const transcriptionist = engine.ask('medical transcriptionist');
    expect(transcriptionist.kind).toBe('role');
    const m = (transcriptionist as RoleAnswer).measures.find((x) => x.source === 'microsoft-ai-applicability');
    expect(m?.percentile).toBeLessThan(50);
    expect(m?.note).toMatch(/Health-record work may score low here partly because compliant tools/);
  });

  it('stays off every other card where the score ranks high', () => {
    for (const id of ['accountants-and-auditors', 'registered-nurse', 'medical-records-specialist']) {
      const m = microsoft(id);
      if (m && (m.percentile ?? 0) >= 50) expect(m.note, id).not.toMatch(/Health-record/);
    }
  });
});

describe('dates no source states', () => {
  it('read as approximate on the card, in the terminal and in Slack', () => {
    const page = coder.sources.find((s) => s.id === 'ai-task-coverage-page');
    expect(page).toMatchObject({ asOf: '2026', approximate: true });
    expect(coder.sources.find((s) => s.id === 'nejm-ai-llm-coding-study')?.approximate).toBeUndefined();
    // Sources and measures are in the card's details ("How we scored this"); the first screen's figures too.
    const terminal = text(renderText(coder, { details: true }));
    expect(terminal).toMatch(/Will AI Replace Medical Coders\? \(AI task coverage page\):? about 2026/);
    expect(terminal).toMatch(/NEJM AI study benchmarking large language models on medical code lookup:? April 2024/);
    const slack = JSON.stringify(detailsBlocks(coder));
    expect(slack).toContain('about 2026');
    const score = coder.measures.find((m) => m.source === 'ai-task-coverage-page');
    expect(score?.asOfApproximate).toBe(true);
    expect(terminal).toMatch(/AI exposure score[^\n]*85[^\n]*\n?[^\n]*about 2026/);
    // A key figure on the first screen from such a source says "about" too.
    expect(text(renderText(coder))).not.toMatch(/· [A-Z][^·]*, 2026\b/);
  });
});

describe('the terminal compare', () => {
  it("shows each figure's source and year, as the Slack version does", () => {
    const answer = engine.compare('medical coder vs registered nurse');
    expect(answer.kind).toBe('compare');
    const lines = renderText(answer).split('\n');
    const pay = lines.findIndex((l) => l.startsWith('Pay'));
    expect(lines[pay + 1]).toMatch(/\[BLS, May 2024\]\s+\[BLS, 2024\]/);
    const jobs = lines.findIndex((l) => l.startsWith('Jobs'));
    expect(lines[jobs + 1]).toMatch(/\[BLS, about 2026\]\s+\[BLS, 2024\]/);
    const outlook = lines.findIndex((l) => l.startsWith('Outlook'));
    expect(lines[outlook + 1]).toMatch(/\[2024–2034, forecast by BLS\]\s+\[2024–2034, forecast by BLS\]/);
  });
});

describe('the sources of a path', () => {
  it('include O*NET 30.1 (CC BY) where a move shows computed facts, and the BLS table a pay gap comes from', () => {
    const accountant = card('accountants-and-auditors');
    const ids = accountant.sources.map((s) => s.id);
    expect(ids).toContain('onet-30.1');
    for (const t of accountant.path.transitions) if (t.pay) expect(ids).toContain(t.pay.source);
    expect(accountant.sources.find((s) => s.id === 'onet-30.1')).toMatchObject({
      name: 'O*NET 30.1 Database',
      asOf: '2025-12',
      url: 'https://www.onetcenter.org/database.html',
    });
  });
});

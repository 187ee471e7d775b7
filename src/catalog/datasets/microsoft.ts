// Microsoft "Working with AI": AI applicability score per 6-digit SOC, from Bing Copilot conversations.
import { DatasetError, col, readTable } from './table.js';

export const MICROSOFT_FILE = 'microsoft-working-with-ai/soc_ai_applicability_scores.csv';

export interface ApplicabilityScore {
  soc: string;
  title: string;
  score: number;
}

export function readMicrosoftApplicability(dir: string): Map<string, ApplicabilityScore> {
  const rows = readTable(dir, MICROSOFT_FILE, {
    'SOC Code': col.soc,
    title: col.text,
    ai_applicability_score: col.share,
  });
  const out = new Map<string, ApplicabilityScore>();
  const lines = new Map<string, number>();
  for (const { row, line } of rows) {
    const soc = row['SOC Code'];
    const first = lines.get(soc);
    if (first !== undefined)
      throw new DatasetError(MICROSOFT_FILE, line, `SOC ${soc} appears twice (first on line ${first})`);
    lines.set(soc, line);
    out.set(soc, { soc, title: row.title, score: row.ai_applicability_score });
  }
  return out;
}

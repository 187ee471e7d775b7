// A question about one's job that names no job ("will AI replace my job?", "is my job safe from AI?"): the
// answer is to ask which job, not to guess a role. Pure.

/** Words such a question is made of; a question made of nothing else names no job. */
const GENERIC = new Set(
  (
    'will would could can could might may does do did is are am was be being been going to get gets got ' +
    'ai a.i artificial intelligence chatgpt gpt llm llms robot robots automation automate automated machines ' +
    'replace replaced replacing replacement take takes taking taken over away kill killing steal eliminate ' +
    'eliminated end affect affected impact disrupt disrupted threaten threatened threat ' +
    "my mine me i i'm im our we your you his her their someone somebody anyone people " +
    'job jobs work career careers role roles position occupation profession employment livelihood ' +
    'safe secure risk at in of on by from for with the a an this that it its what how when which who ' +
    'soon future still really actually ever anymore next years year lose losing lost worry worried should ' +
    'and or but not no yes so too also just about really exposed exposure proof'
  ).split(/\s+/),
);
const ABOUT_A_JOB = /\b(?:job|jobs|work|career|role|position|occupation|profession|livelihood)\b/i;

/** True for a question about "my job" (or work, career…) with no word that could name the job itself. */
export function namesNoJob(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^a-z0-9.']+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
  if (words.length === 0 || !ABOUT_A_JOB.test(text)) return false;
  return words.every((w) => GENERIC.has(w) || /^\d+$/.test(w));
}

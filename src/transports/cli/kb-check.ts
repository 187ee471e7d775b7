// `npm run kb:check`: validates knowledge/ and prints every problem with file, line and field.
import { loadKnowledge, KnowledgeInvalidError, formatProblem } from '../../catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../catalog/paths.js';

const dir = process.argv[2] ?? defaultKnowledgeDir;
try {
  const kb = loadKnowledge(dir);
  console.log(
    `knowledge OK: ${kb.roles.size} roles, ${kb.faqs.size} FAQs, ${kb.skills.size} skills, ${kb.certifications.size} ` +
      `certifications, ${kb.sources.size} sources, ${kb.synonyms.length} synonym titles, ${kb.spellings.size} ` +
      `spellings`,
  );
} catch (err) {
  if (!(err instanceof KnowledgeInvalidError)) throw err;
  for (const problem of err.problems) console.error(formatProblem(problem));
  console.error(
    `\n${err.problems.length} problem${err.problems.length === 1 ? '' : 's'} in knowledge/; nothing was changed.`,
  );
  process.exitCode = 1;
}

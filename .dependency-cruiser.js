// The layers, as `npm run lint` enforces them (docs/DESIGN.md says why):
//   answers, requests   vocabulary: plain types and parsers, import nothing of ours
//   config              settings from the environment: imports nothing of ours
//   catalog             -> answers
//   engine              -> catalog, answers, requests
//   renderers           -> answers, requests
//   store               -> answers (nothing above it)
//   hr                  -> engine, renderers, store, answers, requests
//   transports          -> anything below (not app, bench or testing)
//   app                 -> anything (the composition root: boot, first start, wiring; main.ts and the CLI start here)
//   bench, testing      entry points of their own (the benchmark; processes the tests spawn)
// and nothing imports a package package.json does not declare, or one that does not resolve.
// test/layers.test.ts runs these rules on test/fixtures/layers/ and checks that both kinds of break are caught.
import { fileURLToPath, URL } from 'node:url';

/** A rule: modules under src/<from>/ may import, of ours, only src/<allowed>/ (and their own layer). */
const layer = (from, allowed) => ({
  name: `layer-${from}`,
  comment: `src/${from}/ may import only ${allowed.length ? allowed.map((a) => `src/${a}/`).join(', ') : 'nothing of ours'}`,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: [`^src/(${[from, ...allowed].join('|')})/`] },
});

export default {
  forbidden: [
    layer('answers', []),
    layer('requests', []),
    layer('config', []),
    layer('catalog', ['answers']),
    layer('engine', ['catalog', 'answers', 'requests']),
    layer('renderers', ['answers', 'requests']),
    layer('store', ['answers']),
    layer('hr', ['engine', 'renderers', 'store', 'answers', 'requests']),
    layer('transports', ['answers', 'requests', 'config', 'catalog', 'engine', 'renderers', 'store', 'hr']),
    {
      name: 'entry-points-only-from-app',
      comment: 'src/app/ is the composition root: only the entry points (main.ts, bench, testing) and tests use it',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(app/|main\\.ts$|bench/|testing/)' },
      to: { path: '^src/app/' },
    },
    {
      name: 'bench-and-testing-are-entry-points',
      comment: 'the app never imports the benchmark or the test harness',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(bench|testing)/' },
      to: { path: '^src/(bench|testing)/' },
    },
    {
      name: 'no-non-package-json',
      comment: "every package imported is declared in package.json (not merely installed as another one's dependency)",
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves to a file or an installed package',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'the app does not import devDependencies (the benchmark, its own entry point, may)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bench/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/fixtures/layers/' },
    tsPreCompilationDeps: true,
    // The project's own TypeScript settings, also when the rules are run on the fixture (test/layers.test.ts).
    tsConfig: { fileName: fileURLToPath(new URL('tsconfig.json', import.meta.url)) },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};

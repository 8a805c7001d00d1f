/**
 * Import boundaries of the platform, checked by `npm run lint` (scripts/check-boundaries.mjs runs
 * dependency-cruiser with these rules, then checks that the top-level folders of src/ form no
 * cycle). `npx depcruise src web/src --config .dependency-cruiser.cjs` runs the rules alone.
 *
 * Type-only imports count (`tsPreCompilationDeps`): a type the web app takes from a server file
 * ties it to that file as much as a function does.
 */

// Parsing: TypeScript 7 has no JavaScript compiler API, so dependency-cruiser parses with swc.
// dependency-cruiser 17 (the last line that runs on Node 20) never turns on swc's `tsx` option and
// stops at the first JSX element; version 18 fixes it (sverweij/dependency-cruiser#1081) but needs
// Node 22. Until the platform moves to Node 22, .tsx files are parsed with `tsx: true` here.
const swc = require('@swc/core');
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) =>
  parseFileSync(file, /\.tsx$/.test(file) ? { ...options, tsx: true } : options);

/** Test code: test files and their helpers. Production code never imports it (rule below). */
const TEST_CODE = '(^src/testing/|/testing/|[.]test[.]tsx?$|-test-helpers[.]ts$|/test-zip[.]ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engines-isolated',
      comment:
        'src/engines are pure libraries with their own CLIs: they import other engine files and npm ' +
        'packages, nothing of the platform (no database, HTTP, access or web code).',
      severity: 'error',
      from: { path: '^src/engines/' },
      to: { path: '^(src|web|tests|bench|scripts)/', pathNot: '^src/engines/' },
    },
    {
      name: 'web-only-contract',
      comment:
        'The web app imports its own files, npm packages and src/contract (the zod schemas and ' +
        'types of the bodies the API answers and takes) — never another server file. Put a shape ' +
        'both sides need in src/contract and let the server import it from there. One exception: ' +
        'the pure, browser-safe files of the questionnaire engine (model, expressions, form state, ' +
        'validation, messages, versions, results; no exceljs, no Node API, see its README), so that ' +
        'the mapping response form checks conditions, constraints and required answers with the ' +
        'same evaluator as the server. Its xlsform/ folder and CLI stay server-only.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: {
        pathNot:
          '^(web/src/|src/contract/|node_modules/|src/engines/questionnaire/(index|model|check|form-state|messages|validate-response|versions)[.]ts$|src/engines/questionnaire/(expression|results)/[a-z-]+[.]ts$)',
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'contract-pure',
      comment:
        'src/contract runs in the browser as well as on the server: it imports other contract files ' +
        'and zod, and one data file (the network codes a registry kind names; src/reference/networks.ts ' +
        'imports nothing). No node modules, no other server code.',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: TEST_CODE },
      to: { pathNot: '^(src/contract/|node_modules/zod/|src/reference/networks[.]ts$)' },
    },
    {
      name: 'not-to-test-code',
      comment: 'Production code does not import tests, test helpers or src/testing.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'server-not-to-web',
      comment: 'The server does not import the web app (tests checking both sides may).',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: '^web/' },
    },
    {
      name: 'shared-kinds-reach-only-definitions',
      comment:
        'The one allowed import from src/access into src/registry (ALLOWED_FOLDER_EDGES in ' +
        'scripts/check-boundaries.mjs): access/shared-kinds.ts lists the registry kinds. It holds only ' +
        'while the kinds are declarations: from there no other registry file may be reached.',
      severity: 'error',
      from: { path: '^src/access/shared-kinds[.]ts$' },
      to: {
        path: '^src/registry/',
        pathNot: '^src/registry/(kinds/[^/]+/[^/]+[.]ts|kinds/index[.]ts|definition[.]ts)$',
        reachable: true,
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (an import the checker cannot follow would escape the rules).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};

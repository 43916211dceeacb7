// The architecture's dependency rules (README, "Architecture"), checked on the resolved import graph: relative
// imports across libraries and path aliases are caught alike, and a rule cannot be shadowed by a per-folder override.
// `npm run lint` runs it; test/boundaries proves a forbidden import fails.
const SPEC = '^libs/spec-[^/]+/';
const PRODUCTION = '(?<!\\.spec)(?<!\\.e2e-spec)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-depends-on-nothing-of-ours',
      comment: 'The contract is what every other library builds on; it imports no library of the repository.',
      severity: 'error',
      from: { path: '^libs/contract/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(libs|apps|test|examples)/', pathNot: '^libs/contract/' },
    },
    {
      name: 'infrastructure-knows-no-specification',
      comment:
        'The platform, persistence, the bank backend and the OpenAPI schemas serve every specification and know none.',
      severity: 'error',
      from: { path: '^libs/(platform|persistence|bank-backend|openapi-schemas)/', pathNot: '\\.spec\\.ts$' },
      to: { path: `${SPEC}|^libs/(testing|console)/|^apps/` },
    },
    {
      name: 'specification-uses-only-the-shared-libraries',
      comment: 'A specification imports only the contract, the OpenAPI schemas, persistence and the bank backend.',
      severity: 'error',
      from: { path: '^libs/(spec-[^/]+)/', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '^(libs|apps|test|examples)/',
        pathNot: ['^libs/$1/', '^libs/(contract|openapi-schemas|persistence|bank-backend)/'],
      },
    },
    {
      name: 'console-knows-no-specification',
      comment:
        'The console calls the served specifications over HTTP, so a bank module gets it as well as the built-in ones.',
      severity: 'error',
      from: { path: '^libs/console/', pathNot: '\\.spec\\.ts$' },
      to: { path: SPEC },
    },
    {
      name: 'production-code-never-imports-tests',
      comment: 'Nothing the service runs imports a test folder.',
      severity: 'error',
      from: { path: `^(libs|apps|examples)/.*${PRODUCTION}`, pathNot: '^libs/testing/' },
      to: { path: '^test/' },
    },
    {
      name: 'examples-use-only-the-sdk',
      comment: 'An example module is written as a bank writes one: against @consent-extensions/sdk only.',
      severity: 'error',
      from: { path: '^examples/' },
      to: { path: '^(libs|apps|test)/', pathNot: '^libs/sdk/' },
    },
    {
      name: 'no-circular-dependencies-between-files',
      severity: 'error',
      from: { path: '^(libs|apps)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Sources import './x.js' for './x.ts' (NodeNext).
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};

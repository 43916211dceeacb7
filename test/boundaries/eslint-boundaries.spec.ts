import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

/*
 * The import rules of eslint.config.mjs, run on a fixture tree that breaks them. ESLint does not merge a rule's
 * options across config objects, so a per-folder `no-restricted-imports` could silently drop the patterns that hold
 * everywhere; this shows that inside libs/spec-* and libs/platform the folder's own patterns and the shared ones are
 * all enforced. The fixture stands in for the repository root: ESLint reads the config's `files` and `ignores` patterns
 * from its cwd, so the fixture's libs/ is linted as the repository's is, while the normal lint run ignores the fixture.
 */
const FIXTURE = fileURLToPath(new URL('./eslint-fixture', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../eslint.config.mjs', import.meta.url));
// Type-aware linting builds the whole project's program first.
const LINT_TIMEOUT_MS = 180_000;

const THROUGH_THE_ENTRY_POINT = 'Import a library through its @app/* entry point.';
const OUT_OF_THE_LIBRARY =
  'A library reaches another one only through its @app/* entry point, never by a relative path.';
const SPECIFICATION =
  'A specification library uses only @app/contract, @app/openapi-schemas, @app/persistence and @app/bank-backend.';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: FIXTURE, overrideConfigFile: CONFIG });
});

/** Every problem ESLint reports in a fixture file, as `line: rule: message`, so that any other problem shows too. */
async function problemsIn(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((message) => `${message.line}: ${message.ruleId ?? 'fatal'}: ${message.message}`);
}

function restricted(line: number, source: string, message: string): string {
  return `${line}: no-restricted-imports: '${source}' import is restricted from being used by a pattern. ${message}`;
}

describe('the ESLint import rules', () => {
  it(
    'report in a specification its own forbidden imports and the ones every library and every file must not make',
    async () => {
      expect(await problemsIn('libs/spec-alpha/src/index.ts')).toEqual([
        restricted(6, '@app/platform', SPECIFICATION),
        restricted(7, '../../spec-beta/src/index.js', OUT_OF_THE_LIBRARY),
        restricted(8, '../../../libs/spec-beta/src/index.js', THROUGH_THE_ENTRY_POINT),
      ]);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'report in infrastructure a relative import of a specification, beside its own rule',
    async () => {
      expect(await problemsIn('libs/platform/src/index.ts')).toEqual([
        restricted(3, '../../spec-beta/src/index.js', OUT_OF_THE_LIBRARY),
      ]);
    },
    LINT_TIMEOUT_MS,
  );

  it('leave the fixture out of the normal lint run, whose ignores name it from the repository root', async () => {
    const fromTheRoot = new ESLint({
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      overrideConfigFile: CONFIG,
    });
    expect(await fromTheRoot.isPathIgnored(`${FIXTURE}/libs/spec-alpha/src/index.ts`)).toBe(true);
    expect(await eslint.isPathIgnored(`${FIXTURE}/libs/spec-alpha/src/index.ts`)).toBe(false);
  });
});

import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

/*
 * The dependency rules of .dependency-cruiser.cjs, run on a fixture tree that breaks them, to show that a forbidden
 * import fails `npm run lint` (and so CI) whichever way it is written.
 */
const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));

async function violationsIn(fixture: string): Promise<string[]> {
  const { default: config } = (await import(CONFIG)) as {
    default: { forbidden: unknown[]; options: Record<string, unknown> };
  };
  const result = await cruise(['libs'], {
    baseDir: fixture,
    ruleSet: { forbidden: config.forbidden } as never,
    validate: true,
    tsPreCompilationDeps: true,
  });
  const output = result.output as ICruiseResult;
  return output.summary.violations
    .map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)
    .sort();
}

describe('the dependency rules', () => {
  it('fail on a specification importing another one by a relative path, and on infrastructure knowing a specification', async () => {
    expect(await violationsIn(FIXTURE)).toEqual([
      'infrastructure-knows-no-specification: libs/platform/src/index.ts → libs/spec-beta/src/index.ts',
      'specification-uses-only-the-shared-libraries: libs/spec-alpha/src/index.ts → libs/spec-beta/src/index.ts',
    ]);
  });
});

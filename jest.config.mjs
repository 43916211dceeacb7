// Jest runs in native ESM mode (NestJS 12 ships ESM only); the library aliases are read from tsconfig.json so
// that the two can never disagree.
import { readFileSync } from 'node:fs';

const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

/**
 * ESM-only packages that CommonJS dependencies require() (e.g. @fastify/static requires content-disposition 3).
 * Where Node can require() an ES module (22.12+, `process.features.require_module`), Jest 30 loads them as ES modules
 * itself; transforming them to CommonJS there makes Jest evaluate CommonJS text as a module ("exports is not
 * defined"). Only Node 20 needs them turned into CommonJS.
 */
const ESM_ONLY_DEPENDENCIES = process.features.require_module ? [] : ['content-disposition'];
const esmToCommonJs =
  ESM_ONLY_DEPENDENCIES.length === 0
    ? {}
    : {
        [`/node_modules/(${ESM_ONLY_DEPENDENCIES.join('|')})/.+\\.js$`]:
          '<rootDir>/test/jest/esm-dependency-to-commonjs.cjs',
      };

/** What both projects share: how TypeScript and the library aliases are loaded. */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.jest.json' }],
    ...esmToCommonJs,
  },
  transformIgnorePatterns:
    ESM_ONLY_DEPENDENCIES.length === 0
      ? ['/node_modules/']
      : [`/node_modules/(?!(${ESM_ONLY_DEPENDENCIES.join('|')})/)`],
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Every HTTP 200 answer an e2e test receives is checked against the contract, whether or not the test looks.
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/matchers/e2e-setup.ts'],
    },
  ],
  maxWorkers: 2,
  testTimeout: 30000,
};

// Type-aware lint rules plus the architecture's import boundaries (see README, "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SPEC_LIBS = ['@app/spec-*'];

/*
 * The import boundaries. ESLint does not merge a rule's options across config objects: a per-folder
 * `no-restricted-imports` replaces the global one for its files. So every override is composed with restrictedImports,
 * which always carries the global patterns (and, inside libs/, the libraries' own), and no folder can drop them.
 * test/boundaries proves it on a fixture.
 */
const THROUGH_THE_ENTRY_POINT = {
  group: ['**/libs/*/src/**', '../../libs/**'],
  message: 'Import a library through its @app/* entry point.',
};
// From inside a library, a relative path that climbs into some folder's src/ leaves the library: `../../spec-berlin/src/x.js`
// (one through a libs/ folder is the global pattern's).
const OUT_OF_THE_LIBRARY = {
  regex: '^(\\./)?(\\.\\./)+[^./][^/]*/src(/|$)',
  message: 'A library reaches another one only through its @app/* entry point, never by a relative path.',
};

/** The rule's setting for a folder: the given pattern groups, after the ones that hold everywhere. */
function restrictedImports(...patterns) {
  return ['error', { patterns: [THROUGH_THE_ENTRY_POINT, ...patterns] }];
}

/** The same inside libs/, where a relative path out of the library is forbidden too. */
function restrictedLibraryImports(...patterns) {
  return restrictedImports(OUT_OF_THE_LIBRARY, ...patterns);
}

export default tseslint.config(
  // The ESLint fixture breaks the import rules on purpose; test/boundaries lints it with the fixture as the root.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '**/*.mjs',
      '**/*.cjs',
      'scripts/**',
      'test/boundaries/eslint-fixture/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: 'error',
      'no-restricted-imports': restrictedImports(),
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Dependency direction: the contract depends on nothing of ours; platform, persistence and the bank backend never
  // know a specification; a specification library never imports another one nor the platform's internals.
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': restrictedLibraryImports() },
  },
  {
    files: ['libs/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedLibraryImports({
        group: ['@app/*'],
        message: 'The contract library depends on no other library.',
      }),
    },
  },
  {
    files: [
      'libs/platform/**/*.ts',
      'libs/persistence/**/*.ts',
      'libs/bank-backend/**/*.ts',
      'libs/openapi-schemas/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrictedLibraryImports({
        group: [...SPEC_LIBS, '@app/testing'],
        message: 'Infrastructure never depends on a specification or on the test harness.',
      }),
    },
  },
  {
    files: ['libs/spec-*/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrictedLibraryImports({
        group: [...SPEC_LIBS, '@app/platform', '@app/testing'],
        message:
          'A specification library uses only @app/contract, @app/openapi-schemas, @app/persistence and @app/bank-backend.',
      }),
    },
  },
  // The console drives the service as the identity server does (the simulator of @app/testing, over HTTP), so it
  // knows no specification: a bank's own module gets the console as well as the built-in ones.
  {
    files: ['libs/console/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrictedLibraryImports({
        group: SPEC_LIBS,
        message: 'The console knows no specification: it calls the served ones over HTTP.',
      }),
    },
  },
);

// Type-aware lint rules plus the architecture's import boundaries (see README, "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SPEC_LIBS = ['@app/spec-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '**/*.mjs', '**/*.cjs', 'scripts/**'] },
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/libs/*/src/**', '../../libs/**'], message: 'Import a library through its @app/* entry point.' }] }],
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
    files: ['libs/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@app/*'], message: 'The contract library depends on no other library.' }] }] },
  },
  {
    files: ['libs/platform/**/*.ts', 'libs/persistence/**/*.ts', 'libs/bank-backend/**/*.ts', 'libs/openapi-schemas/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...SPEC_LIBS, '@app/testing'], message: 'Infrastructure never depends on a specification or on the test harness.' }] }] },
  },
  {
    files: ['libs/spec-*/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...SPEC_LIBS, '@app/platform', '@app/testing'], message: 'A specification library uses only @app/contract, @app/openapi-schemas, @app/persistence and @app/bank-backend.' }] }] },
  },
  // The console drives the service as the identity server does (the simulator of @app/testing, over HTTP), so it
  // knows no specification: a bank's own module gets the console as well as the built-in ones.
  {
    files: ['libs/console/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: SPEC_LIBS, message: 'The console knows no specification: it calls the served ones over HTTP.' }] }] },
  },
);

// ESLint for the whole tree: rules that catch bugs (a promise nobody awaits, a loose equality, an
// unused name), never layout — Prettier owns layout, so eslint-config-prettier comes last.
import js from '@eslint/js';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '.angular/', 'coverage/', 'e2e/output/', 'test-results/', 'playwright-report/']),

  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `x == null` stays allowed: it is how the code asks "null or undefined".
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // In the type-checked set already; named because they are the reason it is type-checked: a
      // write nobody awaits, or an async handler Express cannot see fail, loses an error silently.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The server compiles with verbatimModuleSyntax; the client follows suit, so a type import never
      // loads a module at run time.
      '@typescript-eslint/consistent-type-imports': 'error',
      // A status, role or kind added to a union must be handled by every switch over it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `return promise` inside try: the catch (or finally) would not see its rejection.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      // Off: Kysely drivers, migration providers and plugins implement Promise-returning interfaces;
      // `async` without `await` is how they turn a synchronous throw into a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    // Tests read untyped JSON answers (server/src/test/api-client.ts types bodies as `any` on purpose):
    // the assertions check their shape, so the no-unsafe-* family would only ask for casts.
    files: ['**/*.spec.ts', 'server/src/test/**/*.ts', 'client/src/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  {
    files: ['client/src/**/*.ts'],
    extends: [angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'im', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'im', style: 'camelCase' }],
    },
  },
  {
    files: ['client/src/**/*.html'],
    extends: [angular.configs.templateRecommended],
    // As in TypeScript: `x != null` is the one loose comparison, for null and undefined at once.
    rules: { '@angular-eslint/template/eqeqeq': ['error', { allowNullOrUndefined: true }] },
  },

  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    // Node scripts; the globals they use, named here rather than through the `globals` package.
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },

  prettier,
);

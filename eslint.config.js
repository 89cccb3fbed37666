// One lint setup for the whole repository (ESLint 9 flat config). Only rules that find
// mistakes: layout is Prettier's (eslint-config-prettier turns off whatever would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'admin/dist/',
      'dist/',
      'data/',
      'test/fixtures/',
      'test-results/',
      'bench/results/',
      'scratch/',
    ],
  },
  js.configs.recommended,
  // Not the type-checked set: on two shared cores it takes minutes, this one seconds.
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_` marks a parameter or element kept for its position (a callback's signature, a tuple).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // tsconfig's verbatimModuleSyntax already demands `import type`; this says so in the editor too.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);

// ESLint flat config (ESLint 10, typescript-eslint 8, eslint-plugin-react-hooks 7).
// Syntax-level rules only (no type-aware linting): `tsc --noEmit` already type-checks, and the
// syntax rules keep `npm run lint` in seconds on two cores. See CONTRIBUTING.md "Lint and format".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'coverage/**',
      '.tmp/**',
      'bench/.build/**',
      '.vitest/**',
      '.vitest-attachments/**',
      'node_modules/**',
      'src/dsp/generated/**',
      'examples/*/node_modules/**',
      'examples/*/dist/**',
      'examples/*/.next/**',
      'examples/*/out/**',
      '**/__screenshots__/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.worker, ...globals.audioWorklet },
    },
    rules: {
      // `_`-prefixed names mark parameters kept for a documented signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // The Jest example: test globals; its .js files are CommonJS (the package has no "type").
    files: ['examples/jest/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['examples/jest/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.commonjs } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

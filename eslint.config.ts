/**
 * The project's lint (`npm run lint`, a stage of .ci/run): TypeScript's recommended rules,
 * the rules of hooks for the Preact components, the security bans (no HTML sink outside the
 * sanitizer, no string-to-code, no outside message listener) and two ReDoS checks on every
 * regular expression:
 * - regexp/no-super-linear-backtracking (scslre): a structural analysis that finds two
 *   quantifiers able to share the same characters, the cause of exponential backtracking
 *   (it found image-credits' PIPED_CREDIT, which froze Chromium on a 150-character caption);
 * - redos/no-vulnerable (recheck): an attack-string search, for exponential cases. Its
 *   polynomial verdicts come from a random search with time limits, and on a loaded machine
 *   the same pattern was reported on one run and not the next, so they are not errors: the
 *   structural rule above is the deterministic gate for those. Its native backend ships
 *   inside an npm package (recheck-linux-x64); where it is missing recheck falls back to its
 *   pure-JS build.
 */
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import { createRequire } from 'node:module';
import type { ESLint } from 'eslint';
import { SECURITY_RULES, SECURITY_SOURCE_DIRS, WORKER_CHANNEL_FILES, WORKER_CHANNEL_RULES } from './scripts/lint/security-rules.ts';

// Neither plugin ships type declarations.
const require = createRequire(import.meta.url);
const noUnsanitized = require('eslint-plugin-no-unsanitized') as ESLint.Plugin;
const redos = require('eslint-plugin-redos') as ESLint.Plugin;

const CODE = ['**/*.{ts,tsx,mts,js,mjs}'];

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'tests/artifacts/', 'web-ext-artifacts/', '.scratch/', 'tests/golden/pages/', '**/*.d.ts'] },
  { files: CODE, extends: [tseslint.configs.recommended] },
  {
    files: CODE,
    plugins: { 'react-hooks': reactHooks, regexp, redos },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    // recheck's attack search is random: a fixed seed makes its verdicts the same on every run,
    // and a disable comment it did not need on one run is no error.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'regexp/no-super-linear-backtracking': 'error',
      'redos/no-vulnerable': ['error', { timeout: 10000, randomSeed: 20261207, permittableComplexities: ['polynomial'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: SECURITY_SOURCE_DIRS.map((dir) => `${dir}/**/*.{ts,tsx,mts,js,mjs}`),
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: SECURITY_RULES,
  },
  { files: WORKER_CHANNEL_FILES, rules: WORKER_CHANNEL_RULES },
  {
    // Tests, benchmarks and build scripts match only our own fixtures, corpora and data,
    // never a reader's page: a polynomial pattern there costs a test run at worst, so only
    // what backtracks exponentially fails (recheck's verdict; scslre's polynomial reports
    // are not errors here).
    files: ['tests/**', 'scripts/build-consent-selectors.ts', 'scripts/banned-orgs-report.ts', 'scripts/after-build.ts', 'scripts/make-icons.mjs'],
    rules: {
      'redos/no-vulnerable': ['error', { timeout: 10000, randomSeed: 20261207, permittableComplexities: ['polynomial'] }],
      'regexp/no-super-linear-backtracking': 'off',
    },
  },
);

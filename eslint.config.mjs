// One lint config for the workspace. Besides the usual TypeScript and React rules it checks the architecture:
// the SPA never imports the backend, features never import each other, the shared domain package stays pure.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['admin', 'auth', 'dashboard', 'history', 'plans', 'settings', 'setup', 'workout'];

const spaMustNotImportBackend = {
  group: ['backend', 'backend/*', '**/backend/**'],
  message: 'The SPA shares code with the API only through @liftplan/domain.',
};

/** Inside features/<name>: no import of another feature, by alias or by a relative path out of the feature. */
function featureBoundary(name) {
  const others = FEATURES.filter((f) => f !== name).join('|');
  return {
    files: [`frontend/src/features/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            spaMustNotImportBackend,
            {
              regex: `^(@/features/(${others})(/|$)|(\\.\\./)+(features/)?(${others})/)`,
              message: `Feature "${name}" must not import another feature: move what they share to src/components or src/lib.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/test-artifacts/**',
      '.data/**',
      'backend/prisma/engine-bridge/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'backend/test/**', 'frontend/e2e/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['frontend/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [spaMustNotImportBackend] }],
    },
  },
  ...FEATURES.map(featureBoundary),
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|express|@prisma/|pg$|react|backend|frontend|@/)',
              message: 'The domain package is pure: no I/O, no framework, no app code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['frontend', 'frontend/*', '**/frontend/src/**'], message: 'The API never imports the SPA.' },
          ],
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.wrangler/', '.cache/', 'test/fixtures/http-only-worker/', 'test/fixtures/hono-worker/', 'test/fixtures/next-app/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The core runs on every runtime: no Node built-ins.' }] },
      ],
    },
  },
  {
    // Why: V8 gives each evaluation of an object literal with an accessor a hidden class of its own,
    // which keeps what the accessor closes over alive through young-generation collections. On a
    // request path that promoted every request's objects to the old space (bench/notes.md).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ObjectExpression > Property[kind='get'], ObjectExpression > Property[kind='set']", message: 'No accessor in an object literal: use a class with a getter (see RequestCaller in core/create-health.ts).' },
      ],
    },
  },
  {
    // Only the core, checks, router and the fetch-API integrations must stay free of Node built-ins.
    files: ['local/**', 'test/**', 'scripts/**', 'bench/**', 'src/adapters/node/**', 'src/cli/**', 'src/integrations/express/**', 'src/integrations/fastify/**', 'src/entries/vercel-node.ts', '*.config.*', 'src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'scratch/**', 'server/db/migrations/**', 'test-results/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // vue-tsc checks identifiers; no-undef only misreads browser globals in templates and scripts
    rules: { 'no-undef': 'off' },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextDecoder: 'readonly', performance: 'readonly', global: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      // text normalization strips control characters on purpose
      'no-control-regex': 'off',
    },
  },
  {
    // The dependency rule: the search engine is a pure library; services never see HTTP.
    files: ['server/search/**/*.ts', 'server/evaluation/**/*.ts', 'server/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/**', '**/http/**', '**/modules/**', 'fastify', 'drizzle-orm*', 'pg', '@electric-sql/*'], message: 'server/search, server/evaluation and server/documents are pure libraries: no database or HTTP imports' }] }],
    },
  },
  {
    files: ['server/modules/**/*.service.ts', 'server/auth/*.service.ts', 'server/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify', '@fastify/*', '**/http/**'], message: 'services do not import HTTP code' }] }],
    },
  },
);

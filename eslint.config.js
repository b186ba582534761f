// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noHtmlSinks = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Page text is data, never HTML: build DOM nodes or use Preact.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Page text is data, never HTML.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text is data, never HTML.' },
  { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No dynamic code (store policy, CSP).' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tmp/**', 'node_modules/**', '.cache/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: "Import `browser` from 'wxt/browser' (the polyfill is wired in by WXT).", allowTypeImports: true }] },
      ],
    },
  },
  {
    // The classifier and the rules compiler are pure: they run in Node tests and in the browser alike.
    files: ['src/classifier/**/*.ts', 'src/rules/**/*.ts'],
    ignores: ['src/classifier/node-source.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['wxt', 'wxt/*', 'webextension-polyfill', 'node:*', 'fs', 'path'], message: 'src/classifier and src/rules stay pure and platform-free.' }] },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'localStorage'],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'tools/**/*.ts', 'test/**/*.ts', 'modules/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly' } },
  },
  {
    // scripts of the fixture web pages run in the page, like any site's
    files: ['test/fixtures/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly' } },
  },
);

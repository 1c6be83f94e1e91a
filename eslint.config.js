// Lint guards the layers and a few mistakes the type checker lets through; it is not a style guide.
// docs/architecture.md describes the layers these rules hold. Not type-aware: it stays fast (npm test runs it first).
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const sdkOnlyThroughItsEntry = 'reach the SDK only through its public entry, sdk/index.ts';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      // How import-x reads the modules it follows (no-cycle walks the whole graph): TypeScript's parser for .ts.
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `any` switches the type checker off; the few places that need it say so with a disable comment.
      '@typescript-eslint/no-explicit-any': 'error',
      // Type-only imports are written `import type`: bundlers then drop them without looking further.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      // Runtime import cycles in our own code (static or dynamic import()); type-only imports do not count.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './sdk',
              from: ['./src', './demo'],
              message: 'the SDK is framework-free and stands alone: it never imports the elements or the demo',
            },
            { target: './src', from: './demo', message: 'the elements never import the demo' },
            { target: './src', from: './sdk', except: ['./index.ts'], message: `the elements ${sdkOnlyThroughItsEntry}` },
            {
              // The reference server shares the data shapes, the rules and the demo data with the SDK (one definition
              // on both sides) and the text folding its search uses; nothing of the client (store, adapters).
              // The intake files are rules too: who receives an arriving lead (assignment-rules.ts), where it goes
              // and what history records it (intake.ts), how an import's rows are read and checked (lead-import.ts,
              // csv.ts). Run on both sides, a lead lands with the same member and a file previews the same; an edit
              // writes the same history (history.ts).
              target: './demo/server',
              from: './sdk',
              except: [
                './schema.ts', './policy.ts', './seed.ts', './internal/match.ts',
                './assignment-rules.ts', './intake.ts', './lead-import.ts', './csv.ts', './history.ts',
              ],
              message: 'the reference server may import only sdk/schema.ts, sdk/policy.ts, sdk/seed.ts, sdk/internal/match.ts, ' +
                'the intake rules (sdk/assignment-rules.ts, sdk/intake.ts, sdk/lead-import.ts, sdk/csv.ts) and the edit ' +
                'history rule (sdk/history.ts)',
            },
            {
              // The demo page is a host like any other: the package's two SDK entries.
              target: './demo/*.ts',
              from: './sdk',
              except: ['./index.ts', './memory.ts'],
              message: 'the demo page uses the SDK as a host does: sdk/index.ts and sdk/memory.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit', 'lit/*', '@lit/*'], message: 'the SDK is framework-free: no lit' }] },
      ],
      // The SDK runs in Node too: no DOM. What it may use where present (localStorage, EventSource, location,
      // requestIdleCallback) it reads through globalThis or behind a typeof check.
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'customElements', 'HTMLElement'].map((name) => ({
          name,
          message: 'the SDK runs in Node too: no DOM',
        })),
      ],
    },
  },
  {
    // Type tests read their callbacks' parameters only through `typeof`: that is their use.
    files: ['test/types/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_' }] },
  },
  {
    // The SDK's tests run in Node as well as in Chromium (scripts/test-node.sh): no browser-only test kit.
    files: ['test/sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@open-wc/testing', message: "test/sdk runs in Node too: import expect from 'chai'" }] },
      ],
    },
  },
);

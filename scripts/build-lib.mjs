// Library build: ES modules for `lead-kanban` (elements), `lead-kanban/sdk` and `lead-kanban/sdk/memory` into
// dist/, dependencies left external (the host's bundler dedupes them), plus type declarations. With
// --standalone it also writes dist/standalone/ (scripts/standalone-build.mjs): the same entries with every
// dependency, minified, with compile hints, for hosts without a bundler; the benchmark measures it
// (test/bench/build.ts).
import { build } from 'vite';
import { ENTRY, buildStandalone } from './standalone-build.mjs';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

const standalone = process.argv.includes('--standalone');
const external = [/^lit($|\/)/, /^@lit\//, /^sortablejs($|\/)/, /^ky($|\/)/, /^zod($|\/)/];
// Both builds let an entry also export what its lazy chunks share with it (lit, the localization table…),
// instead of moving that code out into one more file every host must load up front: Vite's library default
// ('strict') split lit and the shared helpers off `lead-kanban.js` as soon as the card menu became a lazy
// chunk. The entries' public exports are unchanged; the extra ones carry internal (minified) names.

rmSync('dist/lib', { recursive: true, force: true });
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/lib',
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: ENTRY, formats: ['es'] },
    // Entries at the top, every other chunk under chunks/: the package's `sideEffects` marks the elements
    // entry and the chunks (which register elements) and leaves the SDK entries free to be dropped.
    rollupOptions: { external, preserveEntrySignatures: 'allow-extension', output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

if (standalone) await buildStandalone('dist/standalone');

// Declarations: a throwaway tsconfig that emits .d.ts for the two entries only.
const tsconfig = {
  extends: '../tsconfig.json',
  compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: 'types', rootDir: '..', types: [] },
  include: ['../src', '../sdk'],
};
writeFileSync('dist/tsconfig.types.json', JSON.stringify(tsconfig));
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'dist/tsconfig.types.json'], { stdio: 'inherit' });
console.log('built dist/lib' + (standalone ? ', dist/standalone' : '') + ' and dist/types');

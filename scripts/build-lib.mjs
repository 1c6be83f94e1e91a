// Library build: ES modules for `lead-kanban` (elements), `lead-kanban/sdk` and `lead-kanban/sdk/memory` into
// dist/, dependencies left external (the host's bundler dedupes them), plus type declarations. With
// --standalone it also writes dist/standalone/: the same entries (lead-kanban.js, sdk.js, sdk-memory.js) with
// every dependency, minified, sharing chunks — what a host without a bundler loads with <script type="module">
// imports; the size budget measures the first two (test/bench/build.ts builds the same thing).
import { build } from 'vite';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { minifyHtmlLiterals } from './minify-html-literals.mjs';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

const standalone = process.argv.includes('--standalone');
const external = [/^lit($|\/)/, /^@lit\//, /^sortablejs($|\/)/, /^ky($|\/)/, /^zod($|\/)/];
// Both builds let an entry also export what its lazy chunks share with it (lit, the localization table…),
// instead of moving that code out into one more file every host must load up front: Vite's library default
// ('strict') split lit and the shared helpers off `lead-kanban.js` as soon as the card menu became a lazy
// chunk. The entries' public exports are unchanged; the extra ones carry internal (minified) names.

// The package's entries: the elements, the SDK, and the in-memory backend with the demo data (apart, so that
// a host on its own backend never loads it).
const entry = { 'lead-kanban': 'src/index.ts', sdk: 'sdk/index.ts', 'sdk-memory': 'sdk/memory.ts' };

rmSync('dist/lib', { recursive: true, force: true });
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/lib',
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry, formats: ['es'] },
    rollupOptions: { external, preserveEntrySignatures: 'allow-extension' },
  },
});

if (standalone) {
  await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyCssLiterals(), minifyHtmlLiterals()],
    build: {
      outDir: 'dist/standalone',
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'] },
      // Vite keeps whitespace in ES library output for a host's bundler; this file is shipped as is.
      // comments: false drops the /* @__PURE__ */ annotations too: they only help a bundler, and nothing bundles
      // these files again (dist/lib, which hosts' bundlers consume, keeps them).
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, comments: false } },
    },
  });
}

// Declarations: a throwaway tsconfig that emits .d.ts for the two entries only.
const tsconfig = {
  extends: '../tsconfig.json',
  compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: 'types', rootDir: '..', types: [] },
  include: ['../src', '../sdk'],
};
writeFileSync('dist/tsconfig.types.json', JSON.stringify(tsconfig));
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'dist/tsconfig.types.json'], { stdio: 'inherit' });
console.log('built dist/lib' + (standalone ? ', dist/standalone' : '') + ' and dist/types');

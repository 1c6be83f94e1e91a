// The standalone build: the package's entries (lead-kanban.js, sdk.js, sdk-memory.js, sdk-rules.js) with every
// dependency, minified, sharing chunks — what a host without a bundler loads with <script type="module"> and an
// import map. `node scripts/build-lib.mjs --standalone` writes it to dist/standalone/ (shipped in the package);
// the plain-HTML example's test builds it to a temporary folder, and the benchmark (test/bench/build.ts) builds
// it with this same configuration to measure what is shipped.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { compileHints } from './compile-hints.mjs';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { minifyHtmlLiterals } from './minify-html-literals.mjs';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/** The package's entries: the elements, the SDK, the in-memory backend with the demo data, a backend's rules. */
export const ENTRY = { 'lead-kanban': 'src/index.ts', sdk: 'sdk/index.ts', 'sdk-memory': 'sdk/memory.ts', 'sdk-rules': 'sdk/rules.ts' };

/**
 * What a page runs before its first frame: the elements, the SDK, and the in-memory backend of a page that
 * embeds it (the rules are for other backends' adapters). Their files carry the compile hint.
 */
export const PAGE_ENTRIES = ['lead-kanban', 'sdk', 'sdk-memory'];

/**
 * The standalone build's configuration, written to `outDir` (absolute, or relative to the project folder).
 * `minify: false` (profiling) keeps names, CSS and templates readable; the compile hints stay (they change how
 * the code runs, and a profile should see it run as shipped).
 */
export function standaloneConfig(outDir, { minify = true } = {}) {
  return {
    root: PROJECT,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [...(minify ? [minifyCssLiterals(), minifyHtmlLiterals()] : []), compileHints(PAGE_ENTRIES)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      lib: { entry: Object.fromEntries(Object.entries(ENTRY).map(([name, path]) => [name, `${PROJECT}${path}`])), formats: ['es'] },
      // Vite keeps whitespace in ES library output for a host's bundler; this file is shipped as is.
      // comments: false drops the /* @__PURE__ */ annotations too: they only help a bundler, and nothing bundles
      // these files again (dist/lib, which hosts' bundlers consume, keeps them). As scripts/build-lib.mjs, an
      // entry may also export what its lazy chunks share with it (lit…), so that shared code stays in the entry
      // instead of becoming one more file loaded up front.
      rolldownOptions: {
        preserveEntrySignatures: 'allow-extension',
        output: {
          ...(minify ? { minify: true, comments: false } : {}),
          // lit in one file of its own. The elements' lazy chunks share lit with the entry, and the bundler
          // then makes one file per set of chunks sharing a module: with the picker's body and the member chips
          // lazy, lit and the shared helpers were spread over three files loaded up front. One group for lit
          // leaves two, 0.7 KB gzip less (test/bench/size.ts --files), and lit's file changes only with lit.
          codeSplitting: { groups: [{ name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/ }] },
        },
      },
    },
  };
}

/** Builds the standalone files into `outDir`. */
export function buildStandalone(outDir, options) {
  return build(standaloneConfig(outDir, options));
}

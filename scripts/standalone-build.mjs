// The standalone build: the package's entries (lead-kanban.js, sdk.js, sdk-memory.js) with every dependency,
// minified, sharing chunks — what a host without a bundler loads with <script type="module"> and an import
// map. `node scripts/build-lib.mjs --standalone` writes it to dist/standalone/ (shipped in the package); the
// plain-HTML example's test builds it to a temporary folder.
import { build } from 'vite';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { minifyHtmlLiterals } from './minify-html-literals.mjs';

/** The package's entries: the elements, the SDK, and the in-memory backend with the demo data. */
export const ENTRY = { 'lead-kanban': 'src/index.ts', sdk: 'sdk/index.ts', 'sdk-memory': 'sdk/memory.ts', 'sdk-rules': 'sdk/rules.ts' };

/** Builds the standalone files into `outDir` (paths relative to the project folder, the working directory). */
export function buildStandalone(outDir) {
  return build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyCssLiterals(), minifyHtmlLiterals()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: { entry: ENTRY, formats: ['es'] },
      // Vite keeps whitespace in ES library output for a host's bundler; this file is shipped as is.
      // comments: false drops the /* @__PURE__ */ annotations too: they only help a bundler, and nothing bundles
      // these files again (dist/lib, which hosts' bundlers consume, keeps them).
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, comments: false } },
    },
  });
}

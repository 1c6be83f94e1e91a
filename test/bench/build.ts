/**
 * Builds what the benchmark loads: the standalone bundle (elements + SDK + every dependency, minified; the
 * same vite configuration as `node scripts/build-lib.mjs --standalone`, written to dist/bench/ so the
 * library's own dist/ and its type emit are left alone) and the bench page script (transpiled only: it
 * imports the bundle at run time, so the page measures exactly what a host would ship).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/bench/standalone/', import.meta.url));

export interface BuiltBench {
  /** The standalone bundle's text. */
  bundle: string;
  /** Minified size and gzip (level 9) size, bytes: the entry file alone, what a page loads up front. */
  bundleBytes: number;
  bundleGzipBytes: number;
  /** Chunks split off behind a dynamic import() (loaded only when used, e.g. ky on the first REST call). */
  lazyChunks: { file: string; text: string; bytes: number; gzipBytes: number }[];
  /** The page's script, transpiled to JavaScript. */
  pageScript: string;
  pageHtml: string;
  buildMs: number;
}

/** `minify: false` keeps names readable for CPU profiles (sizes are then not the shipped ones). */
export async function buildBench(options: { minify?: boolean; outDir?: string } = {}): Promise<BuiltBench> {
  const dir = options.outDir ?? outDir;
  const started = performance.now();
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      minify: options.minify ?? true,
      lib: { entry: { 'lead-kanban': fileURLToPath(new URL('../../src/index.ts', import.meta.url)) }, formats: ['es'] },
      // Vite leaves whitespace in ES library output (for the host's bundler to minify); a standalone file is
      // shipped as is, so minify it fully, as a host would. Unminified (profiling) keeps names.
      ...(options.minify === false ? {} : { rolldownOptions: { output: { minify: true } } }),
    },
  });
  const bundle = readFileSync(`${dir}lead-kanban.js`, 'utf8');
  const lazyChunks = readdirSync(dir)
    .filter((file) => file.endsWith('.js') && file !== 'lead-kanban.js')
    .map((file) => {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      return { file, text, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).length };
    });
  const source = readFileSync(new URL('./page/bench-page.ts', import.meta.url), 'utf8');
  const page = await transform(source, { loader: 'ts', target: 'es2022', format: 'esm' });
  return {
    bundle,
    bundleBytes: Buffer.byteLength(bundle),
    bundleGzipBytes: gzipSync(bundle, { level: 9 }).length,
    lazyChunks,
    pageScript: page.code,
    pageHtml: readFileSync(new URL('./page/index.html', import.meta.url), 'utf8'),
    buildMs: performance.now() - started,
  };
}

/**
 * Builds what the benchmark loads: the standalone build, with the configuration that writes the package's
 * dist/standalone/ (scripts/standalone-build.mjs: minified, CSS and templates compacted, compile hints), here
 * into dist/bench/ so the library's own dist/ and its type emit are left alone, and the bench page scripts
 * (page/*.ts, transpiled only: it imports the built files at run time, so the page measures exactly what a host
 * would ship).
 *
 * The standalone build has entries sharing chunks, as the package has: `lead-kanban.js` (the elements),
 * `sdk.js` (store, adapters, schemas), `sdk-memory.js` (the in-memory backend), `sdk-rules.js`. A host that
 * embeds the board on its REST backend loads the first two and every chunk they import statically; chunks
 * reached only through a dynamic import() (ky on the first REST call, SortableJS after the first render) load
 * later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as bundle, transform } from 'esbuild';
import { build } from 'vite';
import { COMPILE_HINT, staticClosure } from '../../scripts/compile-hints.mjs';
import { standaloneConfig } from '../../scripts/standalone-build.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/bench/standalone/', import.meta.url));

/**
 * What a host embedding the board on its REST backend imports: the elements and the SDK. The memory backend
 * is built because the bench page runs on it, but such a host does not load it: it is not in the up-front
 * figure.
 */
const UP_FRONT_ENTRIES = ['lead-kanban.js', 'sdk.js'];

export interface BuiltFile {
  file: string;
  text: string;
  /** Minified size and gzip (level 9) size in bytes, each file compressed on its own as a server sends it. */
  bytes: number;
  gzipBytes: number;
  /** An entry, or a chunk an entry imports statically (transitively): loaded before the board can run. */
  upFront: boolean;
  /** An entry a REST host does not load at all (the in-memory backend): neither up front nor lazy. */
  otherEntry: boolean;
  /** Modules (by path under the project or node_modules) in this file, for reading the figures. */
  modules: string[];
}

export interface BuiltBench {
  /** Every file of the build: entries, shared chunks and lazy chunks. */
  files: BuiltFile[];
  /** Sums over `files` (bytes / gzip bytes): up front, lazy (the rest), and all of them. */
  upFront: { bytes: number; gzipBytes: number };
  lazy: { bytes: number; gzipBytes: number };
  total: { bytes: number; gzipBytes: number };
  /** The page's scripts (page/*.ts: the steps, their timing, the floor board), transpiled, by served name. */
  pageScripts: Record<string, string>;
  pageHtml: string;
  buildMs: number;
}

interface OutputChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  isEntry?: boolean;
  imports?: string[];
  moduleIds?: string[];
}

const shortModule = (id: string) => id.replace(/^.*node_modules\//, '').replace(root, '').replace(/\0/g, '');

/** `minify: false` keeps names readable for CPU profiles (sizes are then not the shipped ones). */
export async function buildBench(options: { minify?: boolean; outDir?: string } = {}): Promise<BuiltBench> {
  const dir = options.outDir ?? outDir;
  const started = performance.now();
  const result = await build(standaloneConfig(dir, { minify: options.minify }));
  const outputs = (Array.isArray(result) ? result : [result]) as { output: OutputChunk[] }[];
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk' && c.fileName.endsWith('.js'));

  // What the browser fetches before either entry runs.
  const upFront = staticClosure(new Map(chunks.map((c) => [c.fileName, { imports: c.imports ?? [] }])), UP_FRONT_ENTRIES);

  const files: BuiltFile[] = chunks.map((chunk) => {
    // The written file (the bundle's code is the same text; reading it back checks what is served).
    const text = readFileSync(`${dir}${chunk.fileName}`, 'utf8');
    return {
      file: chunk.fileName,
      text,
      bytes: Buffer.byteLength(text),
      gzipBytes: gzipSync(text, { level: 9 }).length,
      upFront: upFront.has(chunk.fileName),
      otherEntry: chunk.isEntry === true && !upFront.has(chunk.fileName),
      modules: (chunk.moduleIds ?? []).map(shortModule),
    };
  });
  const sum = (list: BuiltFile[]) => ({
    bytes: list.reduce((s, f) => s + f.bytes, 0),
    gzipBytes: list.reduce((s, f) => s + f.gzipBytes, 0),
  });

  const pageDir = new URL('./page/', import.meta.url);
  const pageScripts: Record<string, string> = {};
  for (const file of readdirSync(pageDir).filter((f) => f.endsWith('.ts') && f !== LIT_FLOOR)) {
    const source = readFileSync(new URL(file, pageDir), 'utf8');
    pageScripts[file.replace(/\.ts$/, '.js')] = (await transform(source, { loader: 'ts', target: 'es2022', format: 'esm' })).code;
  }
  pageScripts['floor-lit.js'] = await buildLitFloor(new URL(LIT_FLOOR, pageDir));
  return {
    files,
    upFront: sum(files.filter((f) => f.upFront)),
    lazy: sum(files.filter((f) => !f.upFront && !f.otherEntry)),
    total: sum(files),
    pageScripts,
    pageHtml: readFileSync(new URL('./page/index.html', import.meta.url), 'utf8'),
    buildMs: performance.now() - started,
  };
}

/** The Lit floor's page script (page/floor-lit.ts), which imports lit and so is bundled, not only transpiled. */
const LIT_FLOOR = 'floor-lit.ts';

/**
 * page/floor-lit.ts with lit bundled in, minified, with the compile hint the library's page files carry (the
 * two are compared cold); its import of the plain floor stays an import, of the page's own floor.js.
 */
async function buildLitFloor(entry: URL): Promise<string> {
  const result = await bundle({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    plugins: [{ name: 'floor-external', setup: (b) => b.onResolve({ filter: /^\.\/floor\.js$/ }, () => ({ path: './floor.js', external: true })) }],
  });
  return `${COMPILE_HINT}\n${result.outputFiles[0]!.text}`;
}

/** Static routes for the bench page and every built file. */
export function benchRoutes(built: BuiltBench): Record<string, { body: string; type: string }> {
  const js = 'text/javascript; charset=utf-8';
  return {
    '/index.html': { body: built.pageHtml, type: 'text/html; charset=utf-8' },
    ...Object.fromEntries(Object.entries(built.pageScripts).map(([name, body]) => [`/${name}`, { body, type: js }])),
    ...Object.fromEntries(built.files.map((f) => [`/${f.file}`, { body: f.text, type: js }])),
  };
}

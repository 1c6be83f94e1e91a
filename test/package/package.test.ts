/**
 * The package as published: `npm pack` (prepack builds dist/), then an empty project installs the tarball
 * with npm and uses it the ways hosts do — (a) a vite page importing `lead-kanban` and `lead-kanban/sdk`,
 * built and rendered in Chromium; (b) the SDK and its memory backend in plain Node, running a store command;
 * (c) the elements entry imported in Node, as SSR frameworks do; plus the shipped types, checked by tsc from
 * the consumer's side. The tarball's file list, `exports` and `sideEffects` are checked against its content.
 */
import assert from 'node:assert/strict';
import { execFile as execFileCallback } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { build } from 'vite';
import { column, columnCount, waitForBoard, watchPageErrors } from '../e2e/support.js';
import { launchBrowser } from '../support/chromium.js';
import { serveFolders } from '../examples/static-folders.js';
import { COMPILE_HINT } from '../../scripts/compile-hints.mjs';

const execFile = promisify(execFileCallback);
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
};

let dir: string;
let app: string;
/** Paths inside the tarball, without the leading `package/`. */
let packed: string[];
let installed: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-kanban-package-'));
  const { stdout } = await execFile('npm', ['pack', '--json', '--pack-destination', dir], { cwd: PROJECT, maxBuffer: 64 << 20 });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }));
  // From the local cache where it can (the package's five dependencies); the registry only for a miss.
  await execFile('npm', ['install', join(dir, info!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: app, maxBuffer: 64 << 20 });
  installed = join(app, 'node_modules', manifest.name);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(folder, join(e.parentPath, e.name)));
}

/** `./dist/lib/chunks/*.js` as a test over a path relative to the package. */
const globMatches = (glob: string, path: string) =>
  new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(path);

describe('the tarball', () => {
  test('holds only what belongs: built code, declarations, framework types, standalone files, manifest, README, LICENSE', () => {
    const allowed = [/^dist\/lib\//, /^dist\/types\/(src|sdk)\//, /^dist\/standalone\//, /^types\/(react|vue)\.d\.ts$/,
      /^(package\.json|custom-elements\.json|README\.md|LICENSE)$/];
    assert.deepEqual(packed.filter((p) => !allowed.some((a) => a.test(p))), [], 'nothing else is packed');
    for (const must of ['dist/lib/lead-kanban.js', 'dist/lib/sdk.js', 'dist/lib/sdk-memory.js', 'dist/types/src/index.d.ts',
      'dist/types/sdk/index.d.ts', 'dist/types/sdk/memory.d.ts', 'dist/standalone/lead-kanban.js', 'dist/standalone/sdk.js',
      'dist/standalone/sdk-memory.js', 'types/react.d.ts', 'types/vue.d.ts', 'custom-elements.json', 'README.md', 'LICENSE']) {
      assert.ok(packed.includes(must), `${must} is packed`);
    }
    assert.ok(!packed.some((p) => /\.test\.|^src\/|^sdk\/|^demo\/|^test\//.test(p)), 'no sources, tests or demo');
  });

  test('every export target is in the tarball, and every entry file is exported', () => {
    const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const target of targets) {
      const path = target.replace(/^\.\//, '');
      assert.ok(path.includes('*') ? packed.some((p) => globMatches(target, p)) : packed.includes(path), `${target} is packed`);
    }
    const entries = packed.filter((p) => /^dist\/lib\/[^/]+\.js$/.test(p) || /^types\/.*\.d\.ts$/.test(p) || /^dist\/standalone\/[^/]+\.js$/.test(p));
    for (const entry of entries) {
      assert.ok(targets.some((t) => globMatches(t, entry)), `${entry} is reachable through "exports"`);
    }
  });

  test('sideEffects covers every shipped file that registers an element (else bundlers drop the registration)', () => {
    const registering = filesUnder(installed).filter((p) => p.endsWith('.js') &&
      /customElements\.define|\bdefine\("(lead|assign)-/.test(readFileSync(join(installed, p), 'utf8')));
    assert.ok(registering.includes('dist/lib/lead-kanban.js') && registering.some((p) => p.startsWith('dist/lib/chunks/')),
      `the element files are found: ${registering.join(', ')}`);
    for (const path of registering) assert.ok(manifest.sideEffects.some((g) => globMatches(g, path)), `${path} is in sideEffects`);
    assert.ok(!manifest.sideEffects.some((g) => globMatches(g, 'dist/lib/sdk.js')), 'the SDK entry stays free of side effects');
  });

  test("the standalone files a page runs on load carry V8's compile hint as their first line; lazy chunks do not", () => {
    const folder = join(installed, 'dist', 'standalone');
    const files = readdirSync(folder).filter((f) => f.endsWith('.js'));
    const hinted = files.filter((f) => readFileSync(join(folder, f), 'utf8').startsWith(`${COMPILE_HINT}\n`));
    for (const entry of ['lead-kanban.js', 'sdk.js', 'sdk-memory.js']) assert.ok(hinted.includes(entry), `${entry} is hinted`);
    // Whatever an entry imports statically runs on load too; what it imports with import() waits.
    const staticImports = (file: string) => [...readFileSync(join(folder, file), 'utf8').matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w${},\s*]+from\s*)?"\.\/([^"]+)"/g)].map((m) => m[1]!);
    for (const file of hinted) for (const imported of staticImports(file)) assert.ok(hinted.includes(imported), `${imported}, imported by ${file}, is hinted`);
    const lazy = files.filter((f) => !hinted.includes(f));
    assert.ok(lazy.some((f) => f.startsWith('sortable-lists')) && lazy.some((f) => f.startsWith('lead-drawer-content')), `lazy chunks stay unhinted: ${lazy.join(', ')}`);
  });
});

describe('a host project with the tarball installed', () => {
  test('(a) a vite page importing lead-kanban and lead-kanban/sdk builds and renders a board in Chromium', async () => {
    writeFileSync(join(app, 'index.html'),
      '<!doctype html><html lang="en"><body style="margin:0;height:100vh"><lead-kanban style="height:100vh"></lead-kanban>' +
      '<script type="module" src="./main.js"></script></body></html>');
    writeFileSync(join(app, 'main.js'), [
      "import 'lead-kanban';",
      "import { LeadStore } from 'lead-kanban/sdk';",
      "import { MemoryAdapter } from 'lead-kanban/sdk/memory';",
      "document.querySelector('lead-kanban').store = new LeadStore(MemoryAdapter.seeded({ leads: 30 }));",
    ].join('\n'));
    await build({ configFile: false, logLevel: 'error', root: app, build: { outDir: join(app, 'dist'), emptyOutDir: true } });
    const [server, browser] = await Promise.all([serveFolders({ '/': join(app, 'dist') }), launchBrowser()]);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = watchPageErrors(page);
      await page.goto(`${server.url}/`);
      await waitForBoard(page);
      assert.equal(await column(page, 'New').getByRole('listitem').count() > 0, true, 'cards are rendered');
      assert.match(await columnCount(page, 'New'), /^\d+$/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('(b) lead-kanban/sdk and lead-kanban/sdk/memory run a store command in plain Node', async () => {
    const script = [
      "import { LeadStore } from 'lead-kanban/sdk';",
      "import { MemoryAdapter } from 'lead-kanban/sdk/memory';",
      'const adapter = MemoryAdapter.seeded({ leads: 20 });',
      'const store = new LeadStore(adapter);',
      'await store.load();',
      "const lead = (await adapter.listLeads({ assignee: 'unassigned' }))[0];",
      "const member = (await adapter.listMembers()).find((m) => m.role === 'member' && m.active);",
      "const outcome = await store.assign([lead.id], member.id, { source: 'api' });",
      'console.log(JSON.stringify({ ok: outcome.ok, stored: (await adapter.getLead(lead.id)).assigneeId, member: member.id, lead: lead.id }));',
    ].join('\n');
    const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    const result = JSON.parse(stdout) as { ok: string[]; stored: string; member: string; lead: string };
    assert.deepEqual(result.ok, [result.lead]);
    assert.equal(result.stored, result.member);
  });

  // SSR frameworks import modules on the server: nothing the elements do at import may need a DOM (Lit's Node
  // build shims HTMLElement and customElements; a stylesheet or `document` at import time would throw).
  test('(c) the elements entry imports in Node without throwing (SSR)', async () => {
    const script = "const m = await import('lead-kanban'); console.log(typeof m.LeadKanban, typeof m.setMessages);";
    const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    assert.equal(stdout.trim(), 'function function');
  });

  test("the shipped types check from the host's side: entries, React and Vue typings", async () => {
    writeFileSync(join(app, 'host.tsx'), [
      "import type {} from 'lead-kanban/react';",
      "import type {} from 'lead-kanban/vue';",
      "import type { LeadKanban } from 'lead-kanban';",
      "import { LeadStore, type Lead } from 'lead-kanban/sdk';",
      "import { MemoryAdapter } from 'lead-kanban/sdk/memory';",
      "const board: LeadKanban = document.createElement('lead-kanban');",
      'board.store = new LeadStore(MemoryAdapter.seeded());',
      "board.addEventListener('lead-open', (event) => console.log(event.leadId));",
      "export const card = (lead: Lead) => <lead-kanban columns={[{ key: lead.status, label: 'Here' }]} onlead-open={(e) => e.leadId} />;",
      '// @ts-expect-error columns must be a column list',
      'export const wrong = <lead-kanban columns={5} />;',
    ].join('\n'));
    // The host's framework types: React's and Vue's from this repository (the tarball does not bring them).
    const types = (pkg: string) => [join(PROJECT, 'node_modules', pkg)];
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, jsx: 'react-jsx',
        noEmit: true, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: false,
        paths: { react: types('@types/react'), 'react/*': [join(PROJECT, 'node_modules/@types/react/*')], vue: types('vue') } },
      include: ['host.tsx'],
    }));
    await execFile(process.execPath, [join(PROJECT, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app })
      .catch((error: { stdout?: string }) => assert.fail(`tsc on the host project:\n${error.stdout}`));
  });
});

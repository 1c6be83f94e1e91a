// Generates custom-elements.json from the manifest JSDoc of src/ (`npm run analyze`), or with --check fails
// when the committed file is not what the code gives now (part of `npm test`).
// The analyzer's module order follows file-system globbing, which differs between runs and machines, so the
// modules are sorted by path: the same code always gives the same file.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins --outdir onto the working directory even when it is absolute, so keep it relative.
const dir = join('node_modules', '.cache', `cem-${process.pid}`);
let fresh;
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  fresh = JSON.stringify(manifest, null, 2) + '\n';
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {}
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json matches the code.');
  }
} else {
  writeFileSync('custom-elements.json', fresh);
  console.log('wrote custom-elements.json');
}

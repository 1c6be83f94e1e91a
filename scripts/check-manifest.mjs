// Fails when custom-elements.json is not what `cem analyze` produces from the code now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins --outdir onto the working directory even when it is absolute, so keep it relative.
const dir = join('node_modules', '.cache', `cem-check-${process.pid}`);
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json matches the code.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Only the bundle figures of `npm run bench` (a few seconds, no browser):
 *   node --import tsx test/bench/size.ts [--files]
 * `--files` also lists each built file with the modules it holds.
 */
import { buildBench } from './build.js';
import { reportBundle } from './bundle-report.js';
import { Report } from './report.js';

const built = await buildBench();
reportBundle(new Report(), built);
if (process.argv.includes('--files')) {
  for (const f of built.files) {
    process.stderr.write(`${f.upFront ? 'up front' : 'lazy    '} ${f.file}: ${(f.gzipBytes / 1024).toFixed(2)} KB gz, ${(f.bytes / 1024).toFixed(1)} KB min\n`);
    for (const m of f.modules) process.stderr.write(`    ${m}\n`);
  }
}

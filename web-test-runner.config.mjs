// Browser tests: every test/**/*.test.ts except Node-only folders, in Debian's headless Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
// Lets tests read Chromium's real accessibility tree (roles and computed names through shadow roots).
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default {
  files: ['test/sdk/**/*.test.ts', 'test/elements/**/*.test.ts', 'test/security/**/*.test.ts', '!test/security/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), a11ySnapshotPlugin()],
  browsers: [chromeLauncher({ launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args } })],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};

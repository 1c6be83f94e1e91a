/**
 * Headless Chromium for the Node-side tests (end to end, bench): the system browser (no test tool downloads
 * one here) with the flags a root user in a closed network needs. The browser tests' runner has the same list
 * in web-test-runner.config.mjs, which cannot import TypeScript.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
}

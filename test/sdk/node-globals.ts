/**
 * Lets the SDK's tests run under Node's test runner as they are: they are written against mocha's globals
 * (describe, it, hooks), which web-test-runner provides in the browser. Loaded with --import before each test
 * file (scripts/test-node.sh), this puts node:test's functions of the same names and meaning there.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

Object.assign(globalThis, { describe, it, before, after, beforeEach, afterEach });

/**
 * A throwaway PostgreSQL cluster for the tests (and the bench): `initdb` into a temporary folder, `postgres`
 * on a free loopback port, everything removed afterwards. One cluster serves a whole test run: the
 * `npm test` wrapper (scripts/test-node.sh) starts it once and passes `TEST_DATABASE_URL` to every file;
 * a file run alone starts its own (support.ts). A watchdog shell stops the cluster and deletes the folder
 * when the process that owns it is gone — even after SIGKILL — so no postgres outlives a run.
 *
 * CLI (for the wrapper): `node --import tsx test/server/postgres-cluster.ts start <owner-pid>` prints
 * `TEST_DATABASE_URL=… PG_CLUSTER_DIR=…` lines; `… stop <dir>` stops it and removes the folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** Superuser URL of the `postgres` database. */
  url: string;
  dir: string;
  stop(): void;
}

export interface ClusterOptions {
  /** Test settings (no fsync): fast, and a crash of the *server process* loses nothing either way. */
  durable?: boolean;
  /** The process whose end stops the cluster (default: this one). */
  ownerPid?: number;
}

/** `PG_BIN`, else the newest Debian /usr/lib/postgresql/<version>/bin holding initdb. */
export function postgresBinaries(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` user Debian creates. */
function asOwner(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL binaries not found: run bash scripts/ensure-postgres.sh (or set PG_BIN)');
  const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-pg-'));
  const data = join(dir, 'data');
  const stopArgs = ['-D', data, '-m', 'immediate', 'stop'];
  const [stopCommand, stopCommandArgs] = asOwner(join(bin, 'pg_ctl'), stopArgs);
  const stopLine = [stopCommand, ...stopCommandArgs].map(quote).join(' ');
  // The watchdog: polls the owner, then stops the cluster and removes the folder.
  const owner = options.ownerPid ?? process.pid;
  // A zombie still answers kill -0: its state letter in /proc (after the command name) must not be Z.
  const alive = `[ "$(sed 's/.*) //' /proc/${owner}/stat 2>/dev/null | cut -c1)" != Z ] && kill -0 ${owner} 2>/dev/null`;
  const watchdog = spawn('sh', ['-c', `while ${alive} && [ -d ${quote(dir)} ]; do sleep 1; done; ` +
    `[ -f ${quote(join(data, 'postmaster.pid'))} ] && ${stopLine} >/dev/null 2>&1; rm -rf ${quote(dir)}`],
  { detached: true, stdio: 'ignore' });
  watchdog.unref();
  const stop = () => {
    try {
      if (existsSync(join(data, 'postmaster.pid'))) execFileSync(stopCommand, stopCommandArgs, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (isRoot()) execFileSync('chown', ['postgres', dir]);
    const [initdb, initdbArgs] = asOwner(join(bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    execFileSync(initdb, initdbArgs, { stdio: 'pipe' });
    const port = await freePort();
    const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])];
    const [pgCtl, pgCtlArgs] = asOwner(join(bin, 'pg_ctl'),
      ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
    execFileSync(pgCtl, pgCtlArgs, { stdio: 'pipe' });
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    stop();
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start a test PostgreSQL cluster${detail ? `: ${detail}` : ''}`, { cause: error });
  }
}

/** Stops a cluster started by the CLI (its folder holds the data directory). */
export function stopCluster(dir: string): void {
  const bin = postgresBinaries();
  const data = join(dir, 'data');
  if (bin && existsSync(join(data, 'postmaster.pid'))) {
    const [command, args] = asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    try {
      execFileSync(command, args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, arg] = process.argv.slice(2);
  if (command === 'start') {
    const cluster = await startCluster({ ownerPid: Number(arg) || process.ppid });
    process.stdout.write(`TEST_DATABASE_URL=${cluster.url}\nPG_CLUSTER_DIR=${cluster.dir}\n`);
  } else if (command === 'stop' && arg) {
    stopCluster(arg);
  } else {
    writeFileSync(2, 'usage: postgres-cluster.ts start <owner-pid> | stop <dir>\n');
    process.exit(2);
  }
}

/**
 * The standalone server (demo/server/main.ts) as a child process, the way a host runs it: for tests that
 * need more than one instance, or that kill one. Not a test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  /** e.g. http://127.0.0.1:43210/api */
  api: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, resolving with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown code runs, as in a crash. */
  kill(): Promise<void>;
}

/**
 * Starts main.ts with `env` (on top of this process's environment, without its database variables) and
 * resolves once it listens; rejects with its output when it exits first. `onLine` sees each stdout line.
 */
export function spawnServer(env: Record<string, string>, onLine?: (line: string) => void): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: ROOT,
    // Rate limits off (RATE_LIMITS=0): the suites make hundreds of writes with one token in seconds.
    env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: '', PORT: '0', HOST: '127.0.0.1', LOG: '0', RATE_LIMITS: '0',
      ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let api = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        onLine?.(line);
        const match = api ? null : /on (http:\/\/\S+\/api)/.exec(line);
        if (!match) continue;
        api = match[1]!;
        resolve({
          api,
          child,
          output: () => output,
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    void exited.then((code) => {
      if (!api) reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
}

/**
 * Starts one server per `env` at the same moment; resolves once all listen. When one fails to start, the
 * others are stopped before the error is passed on: a server left running would keep the test file's process
 * alive (its pipes) after the suite gave up, and the run would never end.
 */
export async function spawnServers<const T extends readonly Record<string, string>[]>(envs: T): Promise<{ [K in keyof T]: ServerProcess }> {
  const started = await Promise.allSettled(envs.map((env) => spawnServer(env)));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value) as { [K in keyof T]: ServerProcess };
  await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
  throw failed.reason;
}

/**
 * A fault-injecting HTTP proxy for the reliability tests: it sits between RestAdapters and the REAL server
 * (loopback only) and, for a share of the API requests, does what a bad network or a bad day does:
 * - `network`: the connection drops before the request is forwarded (nothing reached the server);
 * - `server_error`: answers 500 itself (nothing reached the server);
 * - `timeout`: forwards the request (it may commit) and never answers, until the client gives up;
 * - `drop_after_commit`: forwards it, waits for the server's whole answer, then drops the connection;
 * - `duplicate`: sends the request to the server twice (at once or one after the other) and answers the
 *   client with the second answer.
 * The event stream passes through; `cutStreams()` drops the open ones (the adapters reconnect and the stores
 * reload). Faults are drawn from a seeded generator, so a failing run can be replayed with its seed.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULT_KINDS = ['network', 'server_error', 'timeout', 'drop_after_commit', 'duplicate'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** The server's origin, e.g. http://127.0.0.1:43210 */
  target: string;
  /** Share of API requests that get a fault (0.2 = 20 %). */
  rate: number;
  seed: number;
  /** The kinds drawn from (default: all). */
  kinds?: readonly FaultKind[];
  /** Removes Idempotency-Key from forwarded requests: what a client without keys would do (control runs). */
  stripKeys?: boolean;
}

/**
 * mulberry32, as sdk/seed.ts uses for the demo data (a private function there: the SDK's entries re-export
 * seed.ts whole, so exporting it would add to the public API).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export class FaultProxy {
  url = '';
  /** Faults injected so far, by kind; `requests` counts every API request seen. */
  readonly counts: Record<FaultKind | 'requests', number> = { requests: 0, network: 0, server_error: 0, timeout: 0,
    drop_after_commit: 0, duplicate: 0 };
  /** Off: every request passes through (the settle phase). */
  enabled = true;
  private readonly server: Server;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });
  private readonly random: () => number;
  private readonly target: URL;
  private readonly held = new Set<ServerResponse>();
  private readonly streams = new Set<ServerResponse>();
  /** Event streams dropped by cutStreams(). */
  streamCuts = 0;
  /**
   * Committed PATCHes that changed only a card's place, by lead id (whether or not the client got the answer):
   * each is a version step without a history row (card order is not history), which the soak's count of
   * history rows against version steps must know about.
   */
  readonly reorders = new Map<string, number>();

  constructor(private readonly options: FaultProxyOptions) {
    this.random = seededRandom(options.seed);
    this.target = new URL(options.target);
    this.server = createServer({ requestTimeout: 0 }, (req, res) => void this.handle(req, res));
    // Clients abandon connections mid-way: that is the point.
    this.server.on('connection', (socket) => socket.on('error', () => {}));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.agent.destroy();
  }

  /** Drops every open event stream, as a network change or a restarting proxy would. */
  cutStreams(): void {
    for (const res of this.streams) {
      this.streamCuts++;
      res.destroy();
    }
  }

  get injected(): number {
    return FAULT_KINDS.reduce((sum, kind) => sum + this.counts[kind], 0);
  }

  private pick(): FaultKind | undefined {
    if (!this.enabled || this.random() >= this.options.rate) return undefined;
    const kinds = this.options.kinds ?? FAULT_KINDS;
    return kinds[Math.floor(this.random() * kinds.length)]!;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url?.startsWith('/api/events')) return this.pipeStream(req, res);
    const body = await readAll(req);
    this.counts.requests++;
    const fault = this.pick();
    if (fault) this.counts[fault]++;
    try {
      switch (fault) {
        case 'network':
          return void req.socket.destroy();
        case 'server_error':
          res.writeHead(500, { 'Content-Type': 'application/json' });
          return void res.end(JSON.stringify({ error: { code: 'internal', message: 'Injected failure' } }));
        case 'timeout':
          await this.forward(req, body);
          // Never answered; the client's timeout ends it (or close() does).
          this.held.add(res);
          res.once('close', () => this.held.delete(res));
          return;
        case 'drop_after_commit':
          await this.forward(req, body);
          return void req.socket.destroy();
        case 'duplicate': {
          const together = this.random() < 0.5;
          const first = this.forward(req, body);
          if (!together) await first;
          const second = await this.forward(req, body);
          await first;
          return this.answer(res, second);
        }
        default:
          return this.answer(res, await this.forward(req, body));
      }
    } catch {
      res.destroy(); // the server itself went away
    }
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<Answer> {
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: this.target.host,
      'content-length': String(body.length) };
    for (const name of HOP_BY_HOP) delete headers[name];
    if (this.options.stripKeys) delete headers['idempotency-key'];
    return new Promise((resolve, reject) => {
      const upstream = request(this.target, { method: req.method, path: req.url, headers, agent: this.agent }, (answer) => {
        void readAll(answer).then((data) => {
          const result = { status: answer.statusCode ?? 502, headers: answer.headers, body: data };
          this.noteReorder(req, body, result);
          resolve(result);
        }, reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  private noteReorder(req: IncomingMessage, body: Buffer, answer: Answer): void {
    const lead = req.method === 'PATCH' && answer.status === 200 && !answer.headers['idempotency-replayed']
      ? /^\/api\/leads\/([^/?]+)/.exec(req.url ?? '')?.[1] : undefined;
    if (!lead) return;
    const fields = Object.keys(JSON.parse(body.toString('utf8')) as object).filter((key) => key !== 'expectedVersion');
    if (fields.length > 0 && fields.every((key) => key === 'position')) {
      const id = decodeURIComponent(lead);
      this.reorders.set(id, (this.reorders.get(id) ?? 0) + 1);
    }
  }

  private answer(res: ServerResponse, answer: Answer): void {
    const headers: Record<string, string | string[] | undefined> = { ...answer.headers,
      'content-length': String(answer.body.length) };
    for (const name of HOP_BY_HOP) delete headers[name];
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  private pipeStream(req: IncomingMessage, res: ServerResponse): void {
    const headers = { ...req.headers, host: this.target.host };
    const upstream = request(this.target, { method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => res.destroy());
    this.streams.add(res);
    res.on('close', () => {
      this.streams.delete(res);
      upstream.destroy();
    });
    req.pipe(upstream);
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * The RestAdapter's event stream over fetch (Node, or a custom fetch): a subscriber is told to reload
 * (`onReconnect`) whenever events may have been missed since it loaded — after a drop, and also when the very
 * first connection was refused and a later one opened — but not when the first connection simply opens.
 */
import { expect } from 'chai';
import { RestAdapter } from '../../sdk/index.js';
import type { FetchLike } from '../../sdk/index.js';

/** A fetch for /api/events only: answers 503 to the first `refusals` connections, then an open, silent stream. */
function eventsFetch(refusals: number): { fetch: FetchLike; connections: () => number } {
  let connections = 0;
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(new Request(input, init).url);
    if (!url.pathname.endsWith('/events')) throw new Error(`unexpected request ${url.pathname}`);
    connections++;
    if (connections <= refusals) return new Response('{"error":{"code":"network","message":"down"}}', { status: 503 });
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(': open\n\n'));
        signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')), { once: true });
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetch, connections: () => connections };
}

const until = async (check: () => boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('RestAdapter: the event stream tells when to reload', () => {
  it('a first connection refused, a later one open: the subscriber reloads once', async () => {
    const { fetch, connections } = eventsFetch(1);
    const adapter = new RestAdapter({ baseUrl: 'http://backend.test/api', fetch, events: 'fetch' });
    let reloads = 0;
    const stop = adapter.subscribe(() => {}, { onReconnect: () => reloads++ });
    try {
      await until(() => connections() === 2 && reloads === 1, 'the second connection and a reload');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(reloads).to.equal(1);
    } finally {
      stop();
    }
  });

  it('a first connection that opens: no reload', async () => {
    const { fetch, connections } = eventsFetch(0);
    const adapter = new RestAdapter({ baseUrl: 'http://backend.test/api', fetch, events: 'fetch' });
    let reloads = 0;
    const stop = adapter.subscribe(() => {}, { onReconnect: () => reloads++ });
    try {
      await until(() => connections() === 1, 'the connection');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(reloads).to.equal(0);
    } finally {
      stop();
    }
  });
});

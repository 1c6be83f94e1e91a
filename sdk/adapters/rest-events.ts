/**
 * The change feed of the REST API (`GET /api/events`, a text/event-stream) as RestAdapter.subscribe reads
 * it: with EventSource in browsers, or by streaming fetch (Node 20 has no EventSource, and a custom fetch
 * must be used for every request). Both reconnect with backoff and say when they came back. Loaded late, in
 * the SDK's late chunk (sdk/internal/late-parts.ts).
 */
import { EventStreamParser, type EventStream } from './rest-event-parser.js';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** Reconnect delay: 0.5 s doubling to 30 s, with jitter so many clients do not return at once. */
const backoff = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);

/** No byte (not even a heartbeat, sent every 15 s) for this long means the connection is dead. */
const STREAM_IDLE_MS = 45_000;

/** Browsers: EventSource reconnects by itself after a drop; when it gives up (an HTTP error) we retry. */
export function subscribeWithEventSource(stream: EventStream, deliver: (data: string) => void, reconnected: () => void): () => void {
  const base = typeof location === 'undefined' ? undefined : location.href;
  let source: EventSource | undefined;
  let stopped = false;
  // Whether events may have been missed since the subscriber's own load: after any error — also before the
  // first open (a stream refused at first, opened later, must reload as a dropped one does).
  let missed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const url = new URL(stream.url, base);
    const token = stream.token();
    if (token) url.searchParams.set('token', token);
    source = new EventSource(url);
    source.onopen = () => {
      if (missed) reconnected();
      missed = false;
      attempt = 0;
    };
    source.onmessage = (event: MessageEvent<string>) => deliver(event.data);
    source.onerror = () => {
      if (stopped) return;
      missed = true;
      if (source?.readyState !== EventSource.CLOSED) return; // CONNECTING: it retries itself
      retryTimer = setTimeout(connect, backoff(attempt++));
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}

/** Node (and custom fetch): read the stream with fetch, reconnecting with backoff until unsubscribed. */
export function subscribeWithFetch(stream: EventStream, deliver: (data: string) => void, reconnected: () => void): () => void {
  const stop = new AbortController();
  const run = async () => {
    // Every connection but the very first try may have missed events, however the last one ended.
    let missed = false;
    for (let attempt = 0; !stop.signal.aborted; ) {
      const connection = new AbortController();
      const abortConnection = () => connection.abort();
      stop.signal.addEventListener('abort', abortConnection, { once: true });
      let idle: ReturnType<typeof setTimeout> | undefined;
      const resetIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(abortConnection, STREAM_IDLE_MS);
      };
      try {
        const token = stream.token();
        resetIdle();
        const response = await stream.fetch(stream.url, {
          headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          signal: connection.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        if (missed) reconnected();
        attempt = 0;
        const parser = new EventStreamParser(deliver);
        const decoder = new TextDecoder();
        const reader = response.body.getReader();
        for (;;) {
          resetIdle();
          const { done, value } = await reader.read();
          if (done) break;
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // dropped, refused or idle: fall through to the backoff below
      } finally {
        missed = true;
        clearTimeout(idle);
        stop.signal.removeEventListener('abort', abortConnection);
        connection.abort();
      }
      if (!stop.signal.aborted) await sleep(backoff(attempt++), stop.signal);
    }
  };
  void run();
  return () => stop.abort();
}

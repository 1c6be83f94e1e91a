/**
 * What the RestAdapter's change feed is made of that a host may use on its own (re-exported by rest.ts, and so
 * by the SDK entry): the types of a stream's address and the text/event-stream parser. The transports that
 * read the stream (rest-events.ts) load with the adapter's first request or subscription.
 */

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** Where the feed is and how to reach it. */
export interface EventStream {
  url: string;
  /** Read at every (re)connection, so a refreshed token is used. */
  token: () => string | undefined;
  fetch: FetchLike;
}

/** Splits a text/event-stream into the `data` of each event (comments and other fields ignored). */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];

  constructor(private readonly onData: (data: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) this.onData(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
    }
  }
}

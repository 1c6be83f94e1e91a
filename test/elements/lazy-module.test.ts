/**
 * The elements' one late-loading mechanism (src/internal/lazy.ts): a use waiting in order on a chunk whose
 * fetch fails (offline) is not dropped; the fetch is tried again after a growing pause, or at once when the
 * browser reports that it is back online, and the waiting uses then run in the order they were made.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { lazyModule } from '../../src/internal/lazy.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lazyModule: uses waiting in order while offline', () => {
  it('does not ask again at once, retries when back online, and runs the waiting uses in order', async () => {
    let attempts = 0;
    let online = false;
    const chunk = lazyModule(async () => {
      attempts++;
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return { word: 'hello' };
    });
    const told: string[] = [];
    chunk.inOrder((m) => told.push(`first ${m.word}`));
    chunk.inOrder((m) => told.push(`second ${m.word}`));
    await waitUntil(() => attempts === 1, 'the first use fetches');
    await pause(500);
    expect(attempts, 'no second request within the pause').to.equal(1);
    expect(told).to.deep.equal([]);

    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => told.length === 2, 'both uses run once the chunk arrives', { timeout: 1500 });
    expect(told).to.deep.equal(['first hello', 'second hello']);
    expect(attempts, 'one retry for both waiting uses').to.equal(2);

    chunk.inOrder((m) => told.push(`third ${m.word}`));
    expect(told.at(-1), 'once arrived, a use runs at once').to.equal('third hello');
  });
});

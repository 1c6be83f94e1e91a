/**
 * Words of parts loaded on demand (src/l10n/collaboration-late.ts) join the one table when their chunk
 * arrives; a host's translation of them wins, whether it was set before or after.
 */
import { expect } from '@open-wc/testing';
import { messages, setMessages } from '../../src/l10n.js';

describe('localization table: words added when their chunk arrives', () => {
  afterEach(() => setMessages({}));

  it('a translation set before the chunk arrives stays in force; the English default fills the rest', async () => {
    setMessages({ keepMine: 'Meins behalten' });
    await import('../../src/l10n/collaboration-late.js');
    expect(messages().keepMine).to.equal('Meins behalten');
    expect(messages().keepTheirs).to.equal('Keep theirs');
    setMessages({});
    expect(messages().keepMine).to.equal('Keep mine');
    expect(messages().distributeConfirm(3)).to.equal('Distribute 3 leads');
    setMessages({ distributeConfirm: (n: number) => `${n} Leads verteilen` });
    expect(messages().distributeConfirm(3)).to.equal('3 Leads verteilen');
  });
});

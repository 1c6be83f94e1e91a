/** foldText's fast paths (ASCII, accented Latin letters) must give exactly what NFD folding gives. */
import { expect } from 'chai';
import { foldText, searchableText } from '../../sdk/internal/match.js';
import { seed } from '../../sdk/memory.js';

const reference = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

describe('foldText', () => {
  it('agrees with NFD folding on every character up to U+052F, alone and inside words', () => {
    for (let code = 0; code <= 0x52f; code++) {
      const ch = String.fromCharCode(code);
      expect(foldText(ch), `U+${code.toString(16)}`).to.equal(reference(ch));
      const word = ` Ab${ch}Cd `;
      expect(foldText(word), `in a word: U+${code.toString(16)}`).to.equal(reference(word));
    }
  });

  it('agrees on mixed text: accents, letters without an ASCII base, combining marks, other scripts', () => {
    const samples = ['Müller GmbH', 'GARCÍA', 'Straße', 'Ærøskøbing', 'Ǆemal', 'e\u0301cole', 'İstanbul', 'Ωmega ÅSA',
      'Zoë Saldaña', 'Łódź', 'Dvořák', 'ﬁne', '  Trimmed  ', 'Señor\u0000Co\u0000mail@example.com', '東京 Café'];
    for (const s of samples) expect(foldText(s), s).to.equal(reference(s));
  });

  it('folds every seeded lead exactly as NFD folding does', () => {
    for (const lead of seed({ leads: 2000, members: 12 }).leads) {
      const text = `${lead.name}\u0000${lead.company ?? ''}\u0000${lead.email ?? ''}`;
      expect(searchableText(lead)).to.equal(reference(text));
    }
  });
});

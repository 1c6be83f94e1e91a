import { expect } from 'chai';
import { detectDelimiter, parseCsv } from '../../sdk/index.js';

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF or a lone CR between them', () => {
    for (const br of ['\n', '\r\n', '\r']) {
      expect(parseCsv(`name,email${br}Ada,ada@example.com${br}Bo,bo@example.com`).records, JSON.stringify(br)).to.deep.equal([
        ['name', 'email'],
        ['Ada', 'ada@example.com'],
        ['Bo', 'bo@example.com'],
      ]);
    }
  });

  it('quoted fields hold delimiters, doubled quotes and line breaks; one record spans lines', () => {
    const text = 'name,company,note\r\n"Lovelace, Ada","The ""Engine"" Co","line one\r\nline two"\r\nBo,,x\r\n';
    expect(parseCsv(text).records).to.deep.equal([
      ['name', 'company', 'note'],
      ['Lovelace, Ada', 'The "Engine" Co', 'line one\r\nline two'],
      ['Bo', '', 'x'],
    ]);
  });

  it('drops a byte order mark; the last line break starts no record; a blank line is one empty field', () => {
    expect(parseCsv('\uFEFFname\nAda\n').records).to.deep.equal([['name'], ['Ada']]);
    expect(parseCsv('name\n\nAda\n\n').records).to.deep.equal([['name'], [''], ['Ada'], ['']]);
    expect(parseCsv('').records).to.deep.equal([]);
    expect(parseCsv('\uFEFF').records).to.deep.equal([]);
  });

  it('keeps empty fields, also a trailing one and a quoted empty one', () => {
    expect(parseCsv('a,,c,\n"",b,"",\n').records).to.deep.equal([['a', '', 'c', ''], ['', 'b', '', '']]);
    expect(parseCsv('a,').records).to.deep.equal([['a', '']]);
  });

  it('is lenient as spreadsheets need: a stray quote in an unquoted field, text after a closing quote', () => {
    expect(parseCsv('5" screen,"ab"cd,x\n').records).to.deep.equal([['5" screen', 'abcd', 'x']]);
  });

  it('reports a quoted field that is never closed, naming its record; it runs to the end', () => {
    const table = parseCsv('name,note\nAda,ok\nBo,"open\nCy,next\n');
    expect(table.unclosedQuoteAt).to.equal(2);
    expect(table.records).to.deep.equal([['name', 'note'], ['Ada', 'ok'], ['Bo', 'open\nCy,next\n']]);
    expect(parseCsv('a,"b""c"\n').unclosedQuoteAt).to.equal(undefined);
  });

  it('detects semicolon and tab files from the header, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('name;email;value\nAda;a@x.io;"1,5"')).to.equal(';');
    expect(detectDelimiter('name\temail\n')).to.equal('\t');
    expect(detectDelimiter('"a;b;c",d\n')).to.equal(',');
    expect(detectDelimiter('name\n')).to.equal(',');
    expect(parseCsv('name;value\nAda;"1,5"\n').records).to.deep.equal([['name', 'value'], ['Ada', '1,5']]);
    expect(parseCsv('name;value\nAda;1\n', { delimiter: ',' }).records).to.deep.equal([['name;value'], ['Ada;1']]);
  });

  it('reads 10,000 records with quoted fields exactly', () => {
    const lines = ['name,company,value'];
    for (let i = 0; i < 10_000; i++) lines.push(`"Lead ${i}","Co, ${i % 7}",${i}`);
    const { records } = parseCsv(lines.join('\r\n'));
    expect(records).to.have.length(10_001);
    expect(records[10_000]).to.deep.equal(['Lead 9999', 'Co, 3', '9999']);
    expect(records.every((r) => r.length === 3)).to.equal(true);
  });
});

import { expect } from 'chai';
import { DEFAULT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, importFieldOf, parseLeadValue } from '../../sdk/index.js';
import type { ImportInput, ImportTooLarge } from '../../sdk/index.js';
import { importResult, validateImport } from '../../sdk/rules.js';
import type { ImportCheck, ImportContext } from '../../sdk/rules.js';

const members = [
  { id: 'm1', name: 'Ada Admin', email: 'ada@team.io', active: true },
  { id: 'm3', name: 'Cy Member', email: 'Cy@Team.io', active: true },
  { id: 'm6', name: 'Old Timer', email: 'old@team.io', active: false },
];
const existing = new Map([['taken@client.io', 'l-existing']]);
const context: ImportContext = { members, columns: DEFAULT_COLUMNS, leadWithEmail: (email) => existing.get(email) };

function check(input: ImportInput): ImportCheck {
  const result = validateImport(input, context);
  if ('tooLarge' in result) throw new Error(`unexpectedly too large: ${result.tooLarge.message}`);
  return result.check;
}
function refusal(input: ImportInput): ImportTooLarge {
  const result = validateImport(input, context);
  if (!('tooLarge' in result)) throw new Error('expected the import to be refused as too large');
  return result.tooLarge;
}
const errorsOf = (c: ImportCheck) => c.errors.map((e) => [e.row, e.field, e.code]);

describe('import rows', () => {
  it('turns rows into NewLeads: header case ignored, value parsed, status by key or label, assignee by email', () => {
    const c = check([
      'Name,COMPANY,E-mail,phone,Value,Status,Assignee Email',
      'Ada Lovelace,Engines Ltd,ada@client.io,+44 1,"1,200",Qualified,cy@team.io',
      '  Bo  ,,,,1200.50,won,',
      'Cy,,,,,,',
    ].join('\n'));
    expect(c.errors).to.deep.equal([]);
    expect(c.rowCount).to.equal(3);
    expect(c.leads).to.deep.equal([
      { row: 2, lead: { name: 'Ada Lovelace', company: 'Engines Ltd', email: 'ada@client.io', phone: '+44 1', value: 1200,
        status: 'qualified', assigneeId: 'm3' } },
      { row: 3, lead: { name: 'Bo', value: 1200.5, status: 'won' } },
      // No status: the first column.
      { row: 4, lead: { name: 'Cy', status: 'new' } },
    ]);
  });

  it('numbers rows as a person counts them: header row 1, data from row 2; blank rows skipped but counted', () => {
    const c = check('name,value\nFine,1\n\n,\nBad value,abc\n"Two\nlines",x\nAlso fine,2\n');
    // Row 3 is blank, row 4 only commas (both skipped), row 5 "abc", row 6 spans two lines and is one row.
    expect(errorsOf(c)).to.deep.equal([[5, 'value', 'not_a_number'], [6, 'value', 'not_a_number']]);
    expect(c.leads.map((l) => [l.row, l.lead.name])).to.deep.equal([[2, 'Fine'], [7, 'Also fine']]);
    expect(c.rowCount).to.equal(4);
  });

  it('says what is wrong with each field, every field of a row at once, in words a person can act on', () => {
    const c = check([
      'name,email,value,status,assignee',
      ',not-an-email,-5,Archived,nobody@team.io',
      'Has inactive,,,,old@team.io',
      `${'x'.repeat(201)},,,,`,
    ].join('\n'));
    expect(c.leads).to.deep.equal([]);
    expect(c.errors).to.deep.equal([
      { row: 2, field: 'name', code: 'required', message: 'Enter a name' },
      { row: 2, field: 'value', code: 'negative', message: 'Enter 0 or more' },
      { row: 2, field: 'status', code: 'unknown_status',
        message: 'Unknown status "Archived": use one of New, Contacted, Qualified, Proposal, Won, Lost' },
      { row: 2, field: 'assignee', code: 'unknown_assignee', message: 'No member has the email nobody@team.io' },
      { row: 2, field: 'email', code: 'invalid_email', message: 'Enter an email address like name@example.com' },
      { row: 3, field: 'assignee', code: 'inactive_assignee', message: 'Old Timer is not an active member' },
      { row: 4, field: 'name', code: 'too_long', message: 'Too big: expected string to have <=200 characters' },
    ]);
  });

  it('parses values as people write them and refuses the rest', () => {
    const ok: [string | number, number | undefined][] = [
      ['1200', 1200], ['1,200', 1200], ['1,200.50', 1200.5], ['1200.50', 1200.5], ['$1,200', 1200], ['1200 €', 1200],
      ['.5', 0.5], ['0', 0], ['', undefined], ['   ', undefined], [750, 750],
    ];
    for (const [raw, value] of ok) expect(parseLeadValue(raw), JSON.stringify(raw)).to.deep.equal(value === undefined ? {} : { value });
    for (const raw of ['abc', '12,00', '1.200,50', '1e5', '1,2345', '12abc', Infinity, '9'.repeat(400)]) {
      expect(parseLeadValue(raw), String(raw)).to.have.nested.property('error.code', 'not_a_number');
    }
    for (const raw of ['-1', '-1,000', -3]) expect(parseLeadValue(raw), String(raw)).to.have.nested.property('error.code', 'negative');
  });

  it('flags duplicates by email, within the file and against existing leads, and still imports them', () => {
    const c = check('name,email\nA,one@client.io\nB,ONE@client.io\nC,taken@client.io\nD,\nE,one@client.io\nF,bad@\n');
    expect(c.duplicates).to.deep.equal([
      { row: 3, email: 'ONE@client.io', firstRow: 2 },
      { row: 4, email: 'taken@client.io', existingLeadId: 'l-existing' },
      { row: 6, email: 'one@client.io', firstRow: 2 },
    ]);
    expect(c.leads.map((l) => l.row)).to.deep.equal([2, 3, 4, 5, 6]);
    expect(errorsOf(c)).to.deep.equal([[7, 'email', 'invalid_email']]);
  });

  it('ignores unknown columns and lists them; a header without name, or naming a column twice, imports nothing', () => {
    const c = check('name,Notes,email,,Source\nAda,hello,ada@client.io,,web\n');
    expect(c.ignoredColumns).to.deep.equal(['Notes', 'Source']);
    expect(c.leads.map((l) => l.lead)).to.deep.equal([{ name: 'Ada', email: 'ada@client.io', status: 'new' }]);

    const noName = check('company,email\nAcme,a@client.io\nBeta,b@client.io\n');
    expect(noName.errors).to.deep.equal([{ row: 1, field: 'name', code: 'missing_column', message: 'The header has no "name" column' }]);
    expect(noName.leads).to.deep.equal([]);
    expect(noName.rowCount).to.equal(2);

    const twice = check('name,email,Assignee,assignee_email\nAda,,,\n');
    expect(errorsOf(twice)).to.deep.equal([[1, 'assignee', 'duplicate_column']]);
    expect(twice.leads).to.deep.equal([]);

    for (const empty of ['', '\n\n', ',,\n']) expect(errorsOf(check(empty)), JSON.stringify(empty)).to.deep.equal([[1, 'name', 'missing_header']]);
  });

  it('a row with more values than the header, or an unclosed quote, is listed; the rows before still import', () => {
    const c = check('name,email\nAda,a@client.io\nBo,b@client.io,surplus\nCy,c@client.io,,\nDi,"d@client.io\nEd,e@client.io\n');
    expect(errorsOf(c)).to.deep.equal([[3, '(row)', 'extra_values'], [5, '(row)', 'unclosed_quote'], [5, 'email', 'invalid_email']]);
    // Empty surplus cells (a trailing comma) are no error.
    expect(c.leads.map((l) => l.row)).to.deep.equal([2, 4]);
  });

  it('JSON rows follow the same rules; rows[0] is row 2; unknown keys are listed once', () => {
    const c = check([
      { Name: 'Ada', value: 1200.5, status: 'Proposal', assignee: 'ADA@team.io', utm: 'x' },
      { name: 'Bo', value: '1,000', email: null, utm: 'y' },
      { name: '', value: -1 },
      { name: 'Cy', NAME: 'Cy again' },
      {},
    ]);
    expect(c.leads).to.deep.equal([
      { row: 2, lead: { name: 'Ada', value: 1200.5, status: 'proposal', assigneeId: 'm1' } },
      { row: 3, lead: { name: 'Bo', value: 1000, status: 'new' } },
    ]);
    expect(errorsOf(c)).to.deep.equal([[4, 'name', 'required'], [4, 'value', 'negative'], [5, 'name', 'duplicate_column'], [6, 'name', 'required']]);
    expect(c.ignoredColumns).to.deep.equal(['utm']);
    expect(c.rowCount).to.equal(5);
  });

  it('matches headers by field name only', () => {
    expect(['Name', ' e-mail ', 'ASSIGNEE_EMAIL', 'assignee', 'Phone'].map(importFieldOf)).to.deep.equal(['name', 'email', 'assignee', 'assignee', 'phone']);
    for (const other of ['constructor', '__proto__', 'toString', 'names', '']) expect(importFieldOf(other), other).to.equal(undefined);
  });

  it('10,000 rows are read and checked; one more is refused whole, naming the limit; so is a file over the size limit', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `Lead ${i},lead${i}@client.io,${i}`);
    const c = check(['name,email,value', ...rows].join('\n'));
    expect(c.leads).to.have.length(10_000);
    expect(c.errors).to.deep.equal([]);
    expect(c.leads[9_999]).to.deep.equal({ row: 10_001, lead: { name: 'Lead 9999', email: 'lead9999@client.io', value: 9999, status: 'new' } });
    expect(importResult(c, true)).to.deep.include({ dryRun: true, created: 10_000, rowCount: 10_000 });

    const over = refusal(['name', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `L${i}`), ''].join('\n'));
    expect(over).to.deep.include({ code: 'too_many_rows', limit: 10_000, actual: 10_001 });
    expect(over.message).to.equal('An import holds at most 10,000 rows; this one has 10,001');
    expect(refusal(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ name: 'x' }))).code).to.equal('too_many_rows');
    // Blank lines do not count towards the limit.
    expect(check(['name', ...Array.from({ length: MAX_IMPORT_ROWS }, () => 'x'), '', '', ''].join('\n')).leads).to.have.length(10_000);

    // Bytes are counted in UTF-8: 'é' is two, so this is over the limit although its length is not.
    const wide = `name\n${'é'.repeat(MAX_IMPORT_BYTES / 2 + 1)}`;
    expect(wide.length).to.be.below(MAX_IMPORT_BYTES);
    expect(refusal(wide)).to.deep.include({ code: 'too_many_bytes', limit: MAX_IMPORT_BYTES });
  });
});

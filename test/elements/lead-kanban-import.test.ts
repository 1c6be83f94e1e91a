/**
 * "Import leads": a CSV file (or pasted CSV) previewed first — what will be created, each invalid row with its
 * row number, field and reason, duplicates flagged — then imported in ONE request; a 10,000-row file works,
 * with progress while it runs and a capped list, and an import over the limits is refused whole, in words.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Lead } from '../../sdk/index.js';
import { PREVIEW_ROWS } from '../../src/lead-kanban/intake/import-preview.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { cardNames, mountBoard, region, rendered, settle, toastTexts } from './helpers/board-setup.js';
import { chooseFile, dialogButton, labelled, openIntake, type, untilClosed } from './helpers/intake-setup.js';
import { axAll } from './helpers/picker-a11y.js';

/** The rows of a preview table (its caption names it), each as its cells' texts. */
function tableRows(dialog: HTMLDialogElement, caption: string): string[][] {
  const table = [...dialog.querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === caption);
  if (!table) return [];
  return [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent!.trim()));
}

const summary = (dialog: HTMLDialogElement) => dialog.querySelector('.import-summary')!.textContent!.replace(/\s+/g, ' ').trim();

async function previewed(el: LeadKanban, dialog: HTMLDialogElement): Promise<void> {
  await waitUntil(() => dialog.querySelector('.import-summary'), 'preview shown', { timeout: 20000 });
  await rendered(el);
}

describe('<lead-kanban> Import leads', () => {
  it('previews a CSV with errors and duplicates, then imports the valid rows in one request', async () => {
    const setup = await mountBoard({ height: 2400 });
    const existing: Lead = (await setup.backend.listLeads()).find((l) => l.email)!;
    const csv = [
      'Name,Company,Email,Value,Status,Notes',
      'Ada Import,Acme,ada@import.example,1200,New,first',
      ',No Name Ltd,nn@import.example,5,New,',
      'Bo Import,Beta,bo@@bad,12,Contacted,',
      'Cy Import,Gamma,ADA@import.example,"$1,300",Qualified,',
      'Dee Import,Delta,dee@import.example,abc,Nowhere,',
      `Eve Import,Eps,${existing.email},10,proposal,`,
    ].join('\n');
    const before = (await setup.backend.listLeads()).length;

    const dialog = await openIntake(setup.el, 'Import leads');
    expect(await axAll('dialog', 'Import leads')).to.have.length(1);
    chooseFile(labelled(dialog, 'CSV file'), csv);
    await previewed(setup.el, dialog);
    expect(setup.fault.calls.importLeads, 'the preview asked the backend once').to.equal(1);
    expect((await setup.backend.listLeads()).length, 'the preview wrote nothing').to.equal(before);

    expect(summary(dialog)).to.equal(
      '6 rows read: 3 leads will be created. 3 rows will not be imported. 2 rows have an email another lead already has (imported anyway).',
    );
    expect(dialog.textContent).to.contain('Columns ignored: Notes');
    expect(tableRows(dialog, 'Rows with errors')).to.deep.equal([
      ['3', 'Name', '', 'Name is required'],
      ['4', 'Email', 'bo@@bad', 'Enter an email address like name@example.com'],
      ['6', 'Value', 'abc', 'Enter a number for Value, like 12500'],
      ['6', 'Status', 'Nowhere', "Use one of the board's columns: New, Contacted, Qualified, Proposal, Won, Lost"],
    ]);
    expect(tableRows(dialog, 'Duplicates')).to.deep.equal([
      ['5', 'ADA@import.example', 'row 2'],
      ['7', existing.email!, `lead ${existing.name}`],
    ]);

    expect(await axAll('button', 'Import 3 leads')).to.have.length(1);
    dialogButton(dialog, 'Import 3 leads').click();
    await untilClosed(setup.el, dialog);
    expect(setup.fault.calls.importLeads, 'one more request: the import itself').to.equal(2);
    expect(toastTexts(setup.el)).to.include('3 leads imported');

    const after = await setup.backend.listLeads();
    expect(after.length).to.equal(before + 3);
    const imported = after.filter((l) => l.name.endsWith(' Import'));
    expect(imported.map((l) => [l.name, l.status, l.value]).sort()).to.deep.equal([
      ['Ada Import', 'new', 1200],
      ['Cy Import', 'qualified', 1300],
      ['Eve Import', 'proposal', 10],
    ]);
    const history = await setup.backend.listActivity(imported[0]!.id);
    expect(history.map((a) => [a.type, a.source])).to.deep.equal([['created', 'import']]);
    // On the board at once, each at the top of its column.
    expect(cardNames(region(setup.el, 'New'))[0]).to.equal('Ada Import');
    expect(cardNames(region(setup.el, 'Qualified'))[0]).to.equal('Cy Import');
  });

  it('imports pasted CSV too; a file with no valid row offers nothing to import', async () => {
    const setup = await mountBoard();
    const dialog = await openIntake(setup.el, 'Import leads');
    await type(labelled<HTMLTextAreaElement>(dialog, 'Or paste CSV'), 'company,email\nAcme,a@b.example');
    dialogButton(dialog, 'Check').click();
    await previewed(setup.el, dialog);
    expect(tableRows(dialog, 'Rows with errors')).to.deep.equal([['1', 'Name', '', 'The header has no "name" column']]);
    expect(dialogButton(dialog, 'Import 0 leads').disabled).to.equal(true);

    await type(labelled<HTMLTextAreaElement>(dialog, 'Or paste CSV'), 'name;value\nPasted Paula;900\n');
    dialogButton(dialog, 'Check').click();
    await waitUntil(() => summary(dialog).startsWith('1 row read: 1 lead'), 'new preview');
    dialogButton(dialog, 'Import 1 lead').click();
    await untilClosed(setup.el, dialog);
    expect((await setup.backend.listLeads()).find((l) => l.name === 'Pasted Paula')).to.deep.include({ value: 900, status: 'new' });
  });

  it('a 10,000-row file: the preview lists errors capped with a count, the import shows progress and creates every valid row', async function () {
    this.timeout(90_000);
    const setup = await mountBoard({ height: 700 });
    const before = (await setup.backend.listLeads()).length;
    const rows = ['name,company,email,value,status'];
    for (let i = 1; i <= 10_000; i++) {
      const email = i % 40 === 0 ? `bad-${i}@` : `bulk-${i}@bulk.example`;
      rows.push(`Bulk Lead ${i},Bulk Co ${i % 97},${email},${(i % 50) * 100},${i % 3 === 0 ? 'Contacted' : 'New'}`);
    }
    const dialog = await openIntake(setup.el, 'Import leads');
    chooseFile(labelled(dialog, 'CSV file'), rows.join('\n'), 'ten-thousand.csv');
    await previewed(setup.el, dialog);
    expect(summary(dialog)).to.equal('10000 rows read: 9750 leads will be created. 250 rows will not be imported.');
    const errorRows = tableRows(dialog, 'Rows with errors');
    expect(errorRows, 'capped: no row of DOM per row of the file').to.have.length(PREVIEW_ROWS);
    expect(errorRows[0]).to.deep.equal(['41', 'Email', 'bad-40@', 'Enter an email address like name@example.com']);
    expect(dialog.querySelector('.import-errors .import-more')!.textContent!.trim()).to.equal(`…and ${250 - PREVIEW_ROWS} more`);
    expect(dialog.querySelectorAll('tr').length, 'the whole dialog stays small').to.be.below(2 * PREVIEW_ROWS + 10);

    // Progress while the one request runs (its answer held back here so the step can be seen).
    const held = setup.fault.inject('importLeads', { hold: 'response' });
    dialogButton(dialog, 'Import 9750 leads').click();
    await waitUntil(() => dialog.querySelector('progress'), 'progress shown');
    expect(dialog.querySelector('.dialog-progress')!.textContent).to.contain('Importing 9750 leads…');
    expect(dialogButton(dialog, 'Import 9750 leads').disabled).to.equal(true);
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(dialog.open, 'Escape does not hide a running import').to.equal(true);
    held.release();
    await untilClosed(setup.el, dialog);
    expect((await setup.backend.listLeads()).length).to.equal(before + 9750);
    await waitUntil(() => setup.store.leadCount === before + 9750, 'the board has them', { timeout: 30000 });
    await settle(setup.el);
    expect(toastTexts(setup.el)).to.include('9750 leads imported');
  });

  it('an import over the row limit is refused whole, in words, and nothing is imported', async function () {
    this.timeout(60_000);
    const setup = await mountBoard();
    const before = (await setup.backend.listLeads()).length;
    const rows = ['name'];
    for (let i = 0; i < 10_001; i++) rows.push(`Too Many ${i}`);
    const dialog = await openIntake(setup.el, 'Import leads');
    chooseFile(labelled(dialog, 'CSV file'), rows.join('\n'));
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'refused', { timeout: 20000 });
    expect(dialog.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(
      `An import holds at most ${(10_000).toLocaleString()} rows. Split the file and import the parts.`,
    );
    expect(dialog.querySelector('.import-summary')).to.equal(null);
    expect((await setup.backend.listLeads()).length).to.equal(before);
  });
});

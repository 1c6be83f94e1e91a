/**
 * The board's intake dialogs ("Add lead", "Import leads", "Assignment rules") as a user reaches them: opened
 * from their toolbar buttons, their controls found by the label a person reads, files chosen as the file
 * chooser hands them over. Every dialog is a `<dialog>` in the shadow root of its element in the board.
 */
import { waitUntil } from '@open-wc/testing';
import type { LeadKanban } from '../../../src/lead-kanban/lead-kanban.js';
import { button, rendered, root, settle } from './board-setup.js';

const TAGS = {
  'Add lead': 'lead-kanban-add-lead-dialog',
  'Import leads': 'lead-kanban-import-dialog',
  'Assignment rules': 'lead-kanban-rules-dialog',
} as const;
export type IntakeDialogName = keyof typeof TAGS;

/** The `<dialog>` named `name` (null before its element is rendered and defined). */
export function intakeDialog(el: LeadKanban, name: IntakeDialogName): HTMLDialogElement | null {
  return root(el).querySelector(TAGS[name])?.shadowRoot?.querySelector('dialog') ?? null;
}

/** Clicks the toolbar button of that name and waits for its dialog to be open. */
export async function openIntake(el: LeadKanban, name: IntakeDialogName, trigger?: HTMLElement): Promise<HTMLDialogElement> {
  (trigger ?? button(el, name)).click();
  await waitUntil(() => intakeDialog(el, name)?.open, `${name} open`);
  await rendered(el);
  return intakeDialog(el, name)!;
}

/** The control a `<label>` names (its `for`), or the input inside a label of that text. */
export function labelled<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, text: string): T {
  const label = [...scope.querySelectorAll('label')].find((l) => l.textContent!.replace(/\s+/g, ' ').trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = label.htmlFor ? (label.getRootNode() as ParentNode).querySelector(`#${CSS.escape(label.htmlFor)}`) : label.querySelector('input');
  if (!control) throw new Error(`label "${text}" names no control`);
  return control as T;
}

/** Types into a text box as a user does (the value, then an input event), and lets its dialog render. */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await ((input.getRootNode() as ShadowRoot).host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

/** Chooses a file in a file input as the browser's chooser does (its `files`, then a change event). */
export function chooseFile(input: HTMLInputElement, text: string, name = 'leads.csv'): void {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A button of the dialog by its text (or aria-label). */
export function dialogButton(dialog: HTMLDialogElement, name: string | RegExp): HTMLButtonElement {
  const found = [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
    const text = b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? text === name : name.test(text);
  });
  if (!found) throw new Error(`no button ${String(name)} in the dialog`);
  return found;
}

/** The message shown under a control (its aria-describedby error), or null. */
export function errorOf(control: HTMLElement): string | null {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  const rootNode = control.getRootNode() as ParentNode;
  const text = ids.map((id) => rootNode.querySelector(`#${CSS.escape(id)}`)?.textContent?.trim() ?? '').join(' ');
  return text || null;
}

/** Waits until the dialog is closed and the board has rendered what followed. */
export async function untilClosed(el: LeadKanban, dialog: HTMLDialogElement): Promise<void> {
  await waitUntil(() => !dialog.open, 'dialog closed', { timeout: 20000 });
  await settle(el);
}

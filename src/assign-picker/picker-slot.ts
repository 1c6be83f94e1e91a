/**
 * Where `<assign-picker>` (assign-picker.ts) finds its body (picker-body.ts) once that module has run: the body
 * puts its class here when it is evaluated (a chunk that renders pickers imports it, so their pickers render
 * whole from that chunk's first frame), and the element reads it. Its own module, so that neither of the two
 * imports the other's code.
 */
import type { ReactiveController, TemplateResult } from 'lit';

/** What the element keeps to itself and gives its body. */
export interface PickerPrivates {
  /** The prefix of the ids of the label, the list and its options. */
  readonly uid: string;
  /** Disabled itself or by its form's fieldset. */
  disabled(): boolean;
}

/** What the body gives the element: it renders, and closes the popup. */
export interface PickerBody extends ReactiveController {
  render(): TemplateResult;
  close(): void;
}

export type PickerBodyClass<Host> = new (host: Host, privates: PickerPrivates) => PickerBody;

export const pickerSlot: { Body?: PickerBodyClass<never> } = {};

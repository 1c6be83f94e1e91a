/** The drawer's editable fields: how a lead's value becomes text in a box, and text becomes a patch. */
import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import type { Lead, LeadPatch } from '../../sdk/index.js';
import type { Messages } from '../l10n.js';

export type FieldKey = 'name' | 'company' | 'email' | 'phone' | 'value';
export type EditableKey = FieldKey | 'status';

export interface FieldSpec {
  key: FieldKey;
  label: (msg: Messages) => string;
  type: 'text' | 'email' | 'tel';
  inputMode?: 'decimal';
  /** Takes the whole row in the two-column grid. */
  wide?: boolean;
}

export const FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: (m) => m.fieldName, type: 'text', wide: true },
  { key: 'company', label: (m) => m.fieldCompany, type: 'text' },
  { key: 'value', label: (m) => m.fieldValue, type: 'text', inputMode: 'decimal' },
  { key: 'email', label: (m) => m.fieldEmail, type: 'email' },
  { key: 'phone', label: (m) => m.fieldPhone, type: 'tel' },
];

const KEYS = new Set<string>(['name', 'company', 'email', 'phone', 'value', 'status']);

export function fieldLabel(key: string, msg: Messages): string | undefined {
  if (key === 'status') return msg.fieldStatus;
  return FIELDS.find((f) => f.key === key)?.label(msg);
}

/** What the box shows for a lead's field. */
export function fieldText(lead: Lead, key: FieldKey): string {
  const v = lead[key];
  return v === undefined || v === null ? '' : String(v);
}

/**
 * The patch a box's text asks for. Empty optional fields clear (null); the value is parsed leniently
 * ("12,500" → 12500) and anything else is passed on as NaN so the schema rejects it by field name.
 */
export function patchFor(key: FieldKey, raw: string): LeadPatch {
  const text = raw.trim();
  switch (key) {
    case 'name':
      return { name: text };
    case 'value':
      return { value: text === '' ? null : Number(text.replace(/[\s,_$€£]/g, '')) };
    default:
      return { [key]: text === '' ? null : text } as LeadPatch;
  }
}

/** The field an issue path names ("email", "patch.email", "value") or undefined. */
export function fieldOfIssue(path: string): EditableKey | undefined {
  return path.split('.').find((part) => KEYS.has(part)) as EditableKey | undefined;
}

/** Whether a box's text asks for what the lead already holds ("12,500" and 12500 alike): nothing to save. */
export function holdsText(lead: Lead, key: FieldKey, text: string): boolean {
  const wanted = patchFor(key, text)[key];
  return (wanted ?? undefined) === lead[key];
}

/**
 * Malformed properties from a host (a `.columns` that is not a column list, a `.store` that is not a
 * LeadStore, a bad `lead-id`): each element checks the ones it depends on before it renders with them. A bad
 * value gets ONE console error naming the element and the property, in English for the host's developers, and
 * the property goes back to the value it had, so the element keeps showing its last good state.
 */
import type { PropertyValues, ReactiveElement } from 'lit';
import { ColumnsSchema, ID_MAX_LENGTH, IdSchema, LeadStore } from '../../sdk/index.js';

/** What is wrong with a value (words for a developer), or undefined when it is good. */
export type PropertyCheck = (value: unknown) => string | undefined;

/** Called from willUpdate with the element's checks; reverts and reports every changed property that fails. */
export function guardProperties(element: ReactiveElement, changed: PropertyValues, checks: Record<string, PropertyCheck>): void {
  const properties = element as unknown as Record<string, unknown>;
  for (const [name, check] of Object.entries(checks)) {
    if (!changed.has(name)) continue;
    const problem = check(properties[name]);
    if (problem === undefined) continue;
    console.error(`<${element.localName}>: ignored the ${name} property (${problem}); it keeps its last good value.`);
    // Set back within this update (no new one is requested); a reflected attribute is written back too.
    properties[name] = changed.get(name);
    changed.delete(name);
  }
}

/** The SDK's schema says what is wrong, field by field ("1.key: invalid_format"). */
function schemaProblem(schema: typeof ColumnsSchema | typeof IdSchema, value: unknown, expected: string): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const where = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'the value'}: ${issue.code}`);
  return `expected ${expected}; ${where.slice(0, 3).join(', ')}, got ${describe(value)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const kind = (value as object).constructor?.name;
    return !kind || kind === 'Object' ? 'a plain object' : `a ${kind}`;
  }
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 60)}`;
}

/** `.columns`: unset (the default columns), or a non-empty list of `{ key, label }` with distinct keys. */
export const checkColumns: PropertyCheck = (value) => {
  if (value === undefined) return undefined;
  const problem = schemaProblem(ColumnsSchema, value, 'a non-empty array of { key, label } columns');
  if (problem) return problem;
  const keys = (value as { key: string }[]).map((c) => c.key);
  const twice = keys.find((key, i) => keys.indexOf(key) !== i);
  return twice === undefined ? undefined : `two columns have the key "${twice}"`;
};

/** `.store`: unset, or a LeadStore (an adapter goes in `.adapter`). */
export const checkStore: PropertyCheck = (value) =>
  value === undefined || value instanceof LeadStore ? undefined : `expected a LeadStore (an adapter goes in .adapter), got ${describe(value)}`;

/** `lead-id`: empty (no lead), or an id as the SDK takes it. */
export const checkLeadId: PropertyCheck = (value) =>
  value === '' ? undefined : schemaProblem(IdSchema, value, `a lead id (1 to ${ID_MAX_LENGTH} characters) or ""`);

/** An assignee's member id: a member id, null for nobody, or undefined for not chosen yet. */
export const checkMemberId: PropertyCheck = (value) =>
  value === null || value === undefined ? undefined : schemaProblem(IdSchema, value, 'a member id, or null for nobody');

/** `theme`: "light", "dark", or absent (follow the system). */
export const checkTheme: PropertyCheck = (value) =>
  value === undefined || value === null || value === 'light' || value === 'dark' ? undefined : `expected "light", "dark" or no theme, got ${describe(value)}`;

/** Pure helpers of the picker's list: matching and moving, kept apart from rendering so they read plainly. */

/** Lower-case, accents stripped: "muller" finds "Müller". */
export function foldName(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/**
 * The option a typed query should make active: a name starting with it, else a word starting with it, else
 * any name containing it.
 */
export function typeAheadMatch<T extends { name: string }>(choices: readonly T[], query: string): T | undefined {
  const q = foldName(query);
  if (!q) return undefined;
  const names = choices.map((c) => foldName(c.name));
  const at = (i: number) => (i >= 0 ? choices[i] : undefined);
  return (
    at(names.findIndex((n) => n.startsWith(q))) ??
    at(names.findIndex((n) => n.split(/\s+/).some((w) => w.startsWith(q)))) ??
    at(names.findIndex((n) => n.includes(q)))
  );
}

/** Next index with wrap-around; from "nothing active" (-1), down goes to the first and up to the last. */
export function nextIndex(index: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return step === 1 ? 0 : length - 1;
  return (index + step + length) % length;
}

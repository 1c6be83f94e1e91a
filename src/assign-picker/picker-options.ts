/** The picker's type-ahead rule, kept apart from rendering so it reads plainly (folding is the SDK's foldText). */
import { foldText } from '../../sdk/index.js';

/**
 * The option a typed query should make active: a name starting with it, else a word starting with it, else
 * any name containing it.
 */
export function typeAheadMatch<T extends { name: string }>(choices: readonly T[], query: string): T | undefined {
  const q = foldText(query);
  if (!q) return undefined;
  const names = choices.map((c) => foldText(c.name));
  const at = (i: number) => (i >= 0 ? choices[i] : undefined);
  return (
    at(names.findIndex((n) => n.startsWith(q))) ??
    at(names.findIndex((n) => n.split(/\s+/).some((w) => w.startsWith(q)))) ??
    at(names.findIndex((n) => n.includes(q)))
  );
}

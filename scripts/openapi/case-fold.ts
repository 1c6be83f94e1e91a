/**
 * Rewrites a regular expression source written for the `i` flag so it matches the same strings without it:
 * JSON Schema's `pattern` has no flags. Letters outside a class become `[xX]`; inside a class, a letter range
 * gains its other-case range and a single letter its other case. Escapes are copied as they are.
 */
export function caseFoldPattern(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']' && inClass) {
      inClass = false;
      out += ch;
    } else if (inClass && isLetter(ch) && source[i + 1] === '-' && isLetter(source[i + 2] ?? '')) {
      const end = source[i + 2]!;
      out += `${ch}-${end}${other(ch)}-${other(end)}`;
      i += 2;
    } else if (isLetter(ch)) {
      out += inClass ? ch + other(ch) : `[${ch}${other(ch)}]`;
    } else {
      out += ch;
    }
  }
  return out;
}

const isLetter = (ch: string) => /^[a-z]$/i.test(ch);
const other = (ch: string) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase());

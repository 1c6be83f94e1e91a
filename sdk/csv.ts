/**
 * CSV as RFC 4180 describes it, read without a dependency: fields separated by a delimiter, records by CRLF
 * (LF or a lone CR accepted too), fields in double quotes may hold delimiters, line breaks and doubled quotes
 * (`""` → `"`). A byte order mark at the start is dropped; the line break after the last record does not start
 * another record.
 *
 * Lenient where spreadsheets write files RFC 4180 does not allow, so a person's file is read as they meant
 * it: a quote inside an unquoted field is kept as a character; text after a closing quote is kept with the
 * field; a quoted field that is never closed runs to the end of the text and is reported (`unclosedQuoteAt`),
 * so the caller can name the row instead of guessing.
 *
 * Shared with the reference server (see eslint.config.js): a file reads the same on both sides of the wire.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  /** Every record in order, each a list of fields; a blank line is a record of one empty field. */
  records: string[][];
  /** Index in `records` of the record whose quoted field was never closed, if one was not. */
  unclosedQuoteAt?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of the first record (the header): the most frequent of comma, semicolon and tab outside
 * quotes; comma when none occurs. Spreadsheets in many locales save "CSV" with semicolons.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = text.charCodeAt(0) === BOM ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) break;
    else if (!quoted) {
      const at = DELIMITERS.indexOf(text[i] as CsvDelimiter);
      if (at !== -1) counts[at]! += 1;
    }
  }
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  return DELIMITERS[best]!;
}

/** Reads CSV text into records of fields (see the module comment for what is accepted). */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvTable {
  const n = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  const records: string[][] = [];
  if (i >= n) return { records };
  const delimiter = (options.delimiter ?? detectDelimiter(text)).charCodeAt(0);
  let unclosedQuoteAt: number | undefined;
  /** The end of an unquoted stretch starting at `from`: the next delimiter or line break, or the end. */
  const stretchEnd = (from: number) => {
    let end = from;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === delimiter || c === CR || c === LF) break;
      end++;
    }
    return end;
  };
  let record: string[] = [];
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      field = '';
      let start = ++i;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          field += text.slice(start);
          i = n;
          unclosedQuoteAt = records.length;
          break;
        }
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += text.slice(start, quote + 1); // a doubled quote is one quote character
          i = start = quote + 2;
          continue;
        }
        field += text.slice(start, quote);
        i = quote + 1;
        break;
      }
      const end = stretchEnd(i);
      if (end > i) field += text.slice(i, end);
      i = end;
    } else {
      const end = stretchEnd(i);
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      if (i >= n) {
        record.push(''); // "a," ends with an empty field
        break;
      }
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) return unclosedQuoteAt === undefined ? { records } : { records, unclosedQuoteAt };
  }
  records.push(record);
  return unclosedQuoteAt === undefined ? { records } : { records, unclosedQuoteAt };
}

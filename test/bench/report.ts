/**
 * Results: medians of the per-run samples, judged against their targets (README, "Benchmarks"), printed as one JSON
 * object per line and gathered for results.json. A FAIL is information, never a failing exit code.
 */

/** "<= x" targets, or an exact value ("= 1") for counts and checks. */
export type Target = { op: '<=' | '='; value: number };

export interface ResultLine {
  metric: string;
  /** Leads on the board (or in the database) for this figure; null when N does not apply. */
  n: number | null;
  median: number;
  unit: string;
  runs: number[];
  target: string | null;
  pass: boolean | null;
  note?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (x: number) => (Number.isInteger(x) ? x : Math.round(x * 100) / 100);

export class Report {
  readonly lines: ResultLine[] = [];

  add(metric: string, n: number | null, unit: string, runs: readonly number[], target?: Target, note?: string): ResultLine {
    const m = round(median(runs));
    const line: ResultLine = {
      metric,
      n,
      median: m,
      unit,
      runs: runs.map(round),
      target: target ? `${target.op} ${target.value}` : null,
      pass: target ? (target.op === '<=' ? m <= target.value : m === target.value) : null,
    };
    if (note) line.note = note;
    this.lines.push(line);
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return line;
  }

  /** A short human summary for stderr, so stdout stays pure JSON lines. */
  summary(): string {
    const judged = this.lines.filter((l) => l.pass !== null);
    const failed = judged.filter((l) => !l.pass);
    const rows = failed.map((l) => `  FAIL ${l.metric} (n=${l.n ?? '-'}): ${l.median} ${l.unit}, target ${l.target}`);
    return [`bench: ${judged.length - failed.length}/${judged.length} targets PASS`, ...rows].join('\n');
  }
}

export const le = (value: number): Target => ({ op: '<=', value });
export const eq = (value: number): Target => ({ op: '=', value });

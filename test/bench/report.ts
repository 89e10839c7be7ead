/** One line of the benchmark table. */
export interface BenchResult {
  name: string;
  value: string;
  target?: string;
  met?: boolean;
  note?: string;
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    r.value,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'NOT met',
    r.note ?? '',
  ]);
  const header = ['benchmark', 'result', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(
    `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`,
  );
}

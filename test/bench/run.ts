/**
 * `npm run bench [-- section ...]`: the benchmarks of the issues, printed as
 * one table. Sections: scoring (pure), and the HTTP/database ones, which need
 * MariaDB (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306) and a
 * built app (`npm run build`); web also needs Chromium (/usr/bin/chromium). Not part of CI: figures depend on the machine.
 */
import { BenchResult, printTable } from './report';
import { benchGrid } from './grid.bench';
import { benchImport } from './import.bench';
import { benchRankings } from './rankings.bench';
import { benchScoring } from './scoring.bench';
import { benchWeb } from './web.bench';

type Section = () => Promise<BenchResult[]> | BenchResult[];

const SECTIONS: Record<string, Section> = {
  scoring: () => benchScoring(),
  import: () => benchImport(),
  rankings: () => benchRankings(),
  grid: () => benchGrid(),
  web: () => benchWeb(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  const unknown = names.filter((name) => !SECTIONS[name]);
  if (unknown.length)
    throw new Error(
      `unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`,
    );
  const results: BenchResult[] = [];
  for (const name of names) {
    process.stderr.write(`bench: ${name}…\n`);
    results.push(...(await SECTIONS[name]()));
  }
  printTable(results);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import { ImportProblem, ImportRejected } from '../errors/domain-errors';

export type ImportMode = 'all' | 'partial';

/** What an import answers: rows created and updated, and the bad rows (partial mode). */
export interface ImportOutcome {
  mode: ImportMode;
  created: number;
  updated: number;
  rejected: ImportProblem[];
}

/** All-or-nothing refuses the whole file when any row is bad: 422 listing every problem. */
export function refuseIfAllOrNothing(mode: ImportMode, problems: ImportProblem[]): void {
  if (mode === 'all' && problems.length > 0) throw new ImportRejected(problems);
}

/** Rows that have at least one problem, by row number. */
export function badRowNumbers(problems: readonly ImportProblem[]): Set<number> {
  return new Set(problems.map((problem) => problem.row));
}

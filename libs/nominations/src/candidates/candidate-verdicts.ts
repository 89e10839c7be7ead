import { type CandidateVerdict, type Grade, judgeCandidate, quartersOf } from '@app/domain';
import type { CandidateRow, NomineeKind } from './candidates.queries';
import type { CandidateView, NearMissView } from '../dto/exemplary.dto';

/** A subject with its roll-up, its rank in its candidate scope and the verdict of SPEC §7. */
export interface JudgedSubject {
  subjectId: number;
  name: string;
  agencyId: number;
  unitId: number | null;
  total: number;
  grade: string;
  rank: number | null;
  rankedOf: number | null;
  verdict: CandidateVerdict;
}

const GRADES = new Set(['A', 'B', 'C', 'D']);

/**
 * Applies judgeCandidate to one row. A subject missing from the ranking snapshot (never expected:
 * roll-ups and ranks are written together) is ranked 0 of 0, so it fails the top-share check.
 */
export function judgeRow(
  row: CandidateRow,
  period: string,
  subjectType: NomineeKind,
  share: number,
): JudgedSubject {
  const verdict = judgeCandidate({
    period,
    scope: subjectType === 'person' ? 'agency' : 'city',
    rollup: {
      total: row.total,
      grade: (GRADES.has(row.grade) ? row.grade : 'D') as Grade,
      disqualified: row.disqualified,
      quartersCounted: row.quartersCounted,
      quartersInSpan: quartersOf(period).length,
    },
    incidentCount: row.incidents,
    rank: row.rank ?? 0,
    rankedOf: row.rankedOf ?? 0,
    share,
  });
  return {
    subjectId: row.subjectId,
    name: row.name,
    agencyId: row.agencyId,
    unitId: row.unitId,
    total: row.total,
    grade: row.grade,
    rank: row.rank,
    rankedOf: row.rankedOf,
    verdict,
  };
}

/** Candidates (every check passed) and near misses (exactly one failed), in the rows' order. */
export function splitVerdicts(judged: readonly JudgedSubject[]): {
  items: CandidateView[];
  nearMisses: NearMissView[];
} {
  const items: CandidateView[] = [];
  const nearMisses: NearMissView[] = [];
  for (const subject of judged) {
    const { verdict, unitId: _unit, ...rest } = subject;
    if (verdict.isCandidate) {
      items.push({ ...rest, checks: verdict.checks, reasons: verdict.reasons });
    } else if (verdict.failed.length === 1) {
      nearMisses.push({ ...rest, failed: verdict.failed[0], checks: verdict.checks });
    }
  }
  return { items, nearMisses };
}

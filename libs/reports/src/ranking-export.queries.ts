import type { EntityManager } from 'typeorm';
import { GRADE_LABELS, type Grade, movementOf, topPercent } from '@app/domain';
import type { ExportRow } from '@app/exports';

// Read-only keyset reads on the ranking snapshot (owned by libs/rankings): a whole ranking is
// read in chunks of RANKING_CHUNK positions on ix_ranking_entries_page (or its category twin),
// so an export of any size streams with flat memory.

export const RANKING_CHUNK = 1000;

export interface RankingExportScope {
  period: string;
  previousPeriod: string;
  subjectType: 'person' | 'agency';
  kind: 'city' | 'agency' | 'unit';
  scopeId: number;
  category?: string;
}

type Raw = Record<string, string | number | null>;

export async function* streamRankingRows(
  manager: EntityManager,
  scope: RankingExportScope,
): AsyncGenerator<ExportRow> {
  const byCategory = scope.category !== undefined;
  const rank = byCategory ? 'category_rank' : '`rank`';
  const rankedOf = byCategory ? 'category_ranked_of' : 'ranked_of';
  const position = byCategory ? 'category_position' : '`position`';
  const where = `e.period = ? AND e.subject_type = ? AND e.scope_kind = ? AND e.scope_id = ?${
    byCategory ? ' AND e.category = ?' : ''
  }`;
  const params: unknown[] = [scope.period, scope.subjectType, scope.kind, scope.scopeId];
  if (byCategory) params.push(scope.category);
  let after = 0;
  for (;;) {
    const rows = (await manager.query(
      `SELECT e.${position} AS pos, e.name, e.${rank} AS entry_rank, e.${rankedOf} AS ranked_of,
         e.total, e.grade, a.name AS agency_name, u.name AS unit_name,
         prev.${rank} AS previous_rank
       FROM ranking_entries e
       LEFT JOIN agencies a ON a.id = e.agency_id
       LEFT JOIN units u ON u.id = e.unit_id
       LEFT JOIN ranking_entries prev ON prev.period = ? AND prev.subject_type = e.subject_type
         AND prev.scope_kind = e.scope_kind AND prev.scope_id = e.scope_id
         AND prev.subject_id = e.subject_id${byCategory ? ' AND prev.category = e.category' : ''}
       WHERE ${where} AND e.${position} > ?
       ORDER BY e.${position} LIMIT ${RANKING_CHUNK}`,
      [scope.previousPeriod, ...params, after],
    )) as Raw[];
    for (const row of rows) {
      const entryRank = Number(row.entry_rank);
      const previousRank = row.previous_rank === null ? null : Number(row.previous_rank);
      yield {
        rank: entryRank,
        name: String(row.name),
        agency: row.agency_name === null ? null : String(row.agency_name),
        unit: row.unit_name === null ? null : String(row.unit_name),
        total: Number(row.total),
        grade: GRADE_LABELS[row.grade as Grade] ?? String(row.grade),
        topPercent: topPercent(entryRank, Number(row.ranked_of)),
        previousRank,
        movement: movementOf(previousRank, entryRank),
      };
    }
    if (rows.length < RANKING_CHUNK) return;
    after = Number(rows[rows.length - 1].pos);
  }
}

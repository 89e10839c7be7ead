import type { EntityManager } from 'typeorm';
import { GRADE_LABELS, type Grade } from '@app/domain';
import type { ExportRow } from '@app/exports';
import type { RankingReader, RankingScope } from '@app/rankings';

// A whole ranking read in chunks of RANKING_CHUNK entries through the rankings' reader (one page
// read each), with the names of the agencies and units of each chunk in one query each, so an
// export of any size streams with flat memory.

export const RANKING_CHUNK = 1000;

export interface RankingExportScope extends RankingScope {
  previousPeriod: string;
}

async function namesOf(
  manager: EntityManager,
  table: 'agencies' | 'units',
  ids: (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT id, name FROM ${table} WHERE id IN (${wanted.map(() => '?').join(', ')})`,
    wanted,
  )) as { id: number | string; name: string }[];
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}

export async function* streamRankingRows(
  manager: EntityManager,
  reader: RankingReader,
  scope: RankingExportScope,
): AsyncGenerator<ExportRow> {
  for (let offset = 0; ; offset += RANKING_CHUNK) {
    const page = await reader.page(scope, scope.previousPeriod, offset, RANKING_CHUNK, {
      cache: false,
    });
    const agencies = await namesOf(
      manager,
      'agencies',
      page.items.map((e) => e.agencyId),
    );
    const units = await namesOf(
      manager,
      'units',
      page.items.map((e) => e.unitId),
    );
    for (const entry of page.items) {
      yield {
        rank: entry.rank,
        name: entry.name,
        agency: agencies.get(entry.agencyId) ?? null,
        unit: entry.unitId === null ? null : (units.get(entry.unitId) ?? null),
        total: entry.total,
        grade: GRADE_LABELS[entry.grade as Grade] ?? entry.grade,
        topPercent: entry.topPercent,
        previousRank: entry.previousRank,
        movement: entry.movement,
      };
    }
    if (offset + RANKING_CHUNK >= page.total || page.items.length === 0) return;
  }
}

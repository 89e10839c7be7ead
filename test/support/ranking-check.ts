import { movementOf, previousPeriod, rankEntries } from '@app/domain';
import type { TestApp } from './test-app';

// The check of issue 13: every ranking read through the API equals what libs/domain computes
// from the approved evaluations (ranks, ties, order, topPercent, previousRank, movement).

interface Approved {
  period: string;
  subject_type: 'person' | 'agency';
  subject_id: number;
  name: string;
  agency_id: number;
  unit_id: number | null;
  category: string | null;
  total: number;
}

export interface ScopeQuery {
  query: string;
  where: (row: Approved) => boolean;
}

async function approvedOf(t: TestApp, period: string): Promise<Approved[]> {
  const rows = (await t.dataSource.query(
    `SELECT e.period, e.subject_type, e.subject_id, COALESCE(p.full_name, a.name) AS name,
       e.agency_id, e.unit_id, p.category, e.total
     FROM evaluations e
     LEFT JOIN people p ON e.subject_type = 'person' AND p.id = e.subject_id
     LEFT JOIN agencies a ON e.subject_type = 'agency' AND a.id = e.subject_id
     WHERE e.period = ? AND e.status = 'approved'`,
    [period],
  )) as Approved[];
  return rows.map((row) => ({
    ...row,
    subject_id: Number(row.subject_id),
    agency_id: Number(row.agency_id),
    unit_id: row.unit_id === null ? null : Number(row.unit_id),
    total: Number(row.total),
  }));
}

/** Every scope the ranking page offers over the given agencies, units and categories. */
export function scopesOf(agencies: number[], units: number[], categories: string[]): ScopeQuery[] {
  const scopes: ScopeQuery[] = [
    { query: 'subjectType=agency', where: (r) => r.subject_type === 'agency' },
    { query: 'subjectType=person', where: (r) => r.subject_type === 'person' },
  ];
  const person = (r: Approved) => r.subject_type === 'person';
  for (const category of categories)
    scopes.push({
      query: `subjectType=person&category=${category}`,
      where: (r) => person(r) && r.category === category,
    });
  for (const agency of agencies) {
    scopes.push({
      query: `subjectType=person&agencyId=${agency}`,
      where: (r) => person(r) && r.agency_id === agency,
    });
    for (const category of categories)
      scopes.push({
        query: `subjectType=person&agencyId=${agency}&category=${category}`,
        where: (r) => person(r) && r.agency_id === agency && r.category === category,
      });
  }
  for (const unit of units) {
    scopes.push({
      query: `subjectType=person&unitId=${unit}`,
      where: (r) => person(r) && r.unit_id === unit,
    });
    for (const category of categories)
      scopes.push({
        query: `subjectType=person&unitId=${unit}&category=${category}`,
        where: (r) => person(r) && r.unit_id === unit && r.category === category,
      });
  }
  return scopes;
}

export interface Item {
  subjectId: number;
  rank: number;
  total: number;
  topPercent: number;
  previousRank: number | null;
  movement: number | null;
}

/** What libs/domain says a scope's ranking is, from the approved evaluations. */
export async function expectedRanking(
  t: TestApp,
  period: string,
  scope: ScopeQuery,
): Promise<Item[]> {
  const toInput = (r: Approved) => ({ subjectId: r.subject_id, name: r.name, total: r.total });
  const now = rankEntries((await approvedOf(t, period)).filter(scope.where).map(toInput));
  const before = rankEntries(
    (await approvedOf(t, previousPeriod(period))).filter(scope.where).map(toInput),
  );
  const previous = new Map(before.map((e) => [e.subjectId, e.rank]));
  return now.map((e) => {
    const previousRank = previous.get(e.subjectId) ?? null;
    return {
      subjectId: e.subjectId,
      rank: e.rank,
      total: e.total,
      topPercent: e.topPercent,
      previousRank,
      movement: movementOf(previousRank, e.rank),
    };
  });
}

/** A scope's ranking read through the API in pages of `pageSize` (window edges included). */
export async function rankingThroughApi(
  t: TestApp,
  token: string,
  period: string,
  scope: ScopeQuery,
  pageSize = 500,
): Promise<{ total: number; items: Item[] }> {
  const items: Item[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const response = await t
      .http()
      .get(`/api/rankings?period=${period}&${scope.query}&limit=${pageSize}&offset=${offset}`)
      .set('Authorization', token);
    if (response.status !== 200)
      throw new Error(`${scope.query}: ${response.status} ${JSON.stringify(response.body)}`);
    const total: number = response.body.total;
    for (const item of response.body.items as Item[])
      items.push({
        subjectId: item.subjectId,
        rank: item.rank,
        total: item.total,
        topPercent: item.topPercent,
        previousRank: item.previousRank,
        movement: item.movement,
      });
    if (offset + pageSize >= total) return { total, items };
  }
}

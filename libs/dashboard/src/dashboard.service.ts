import { Injectable } from '@nestjs/common';
import {
  Actor,
  agencyFilterFor,
  Forbidden,
  isCityWide,
  NotFound,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { parsePeriod, periodsEndingAt, quartersOf, type PeriodKey } from '@app/domain';
import { RankingsService } from '@app/rankings';
import { percentOf } from '@app/reports';
import type {
  AgencyDashboardQueryDto,
  CityAgenciesQueryDto,
  CityPeriodQueryDto,
} from './dto/dashboard-query.dto';
import type {
  AgencyDashboardView,
  CoverageFiguresView,
  UnitDashboardView,
} from './dto/agency-dashboard.view';
import type { AgencyAveragePageView, CityCoverageView } from './dto/city-dashboard.view';
import {
  readActiveAgencies,
  readAgency,
  readAgencyAverages,
  readEvaluatedByAgencyAndQuarter,
  readEvaluationsByUnit,
  readHeadcountByAgency,
  readHeadcountByUnit,
  readUnits,
  readWaiting,
  type UnitEvaluationRow,
} from './dashboard.queries';

/** Quarters on the department head's rank line. */
export const RANK_TREND_QUARTERS = 8;

const NO_EVALUATIONS: UnitEvaluationRow = {
  evaluated: 0,
  approved: 0,
  grades: { A: 0, B: 0, C: 0, D: 0 },
};

/** The figures of the department head's and the administrator's dashboards (UI.md §3). */
@Injectable()
export class DashboardService {
  constructor(
    private readonly transactions: Transactions,
    private readonly rankings: RankingsService,
  ) {}

  async agency(actor: Actor, query: AgencyDashboardQueryDto): Promise<AgencyDashboardView> {
    const period = periodOf(query.period);
    const agencyId = agencyFilterFor(actor, query.agencyId);
    if (agencyId === undefined)
      throw ValidationFailed.field('agencyId', 'city-wide callers must name an agency');
    const manager = this.transactions.dataSource.manager;
    const agency = await readAgency(manager, agencyId);
    if (!agency) throw new NotFound('Agency', agencyId);
    const [units, headcounts, evaluations, waiting, rankTrend] = await Promise.all([
      readUnits(manager, agencyId),
      readHeadcountByUnit(manager, agencyId),
      readEvaluationsByUnit(manager, agencyId, period.key),
      readWaiting(manager, agencyId, period.key),
      this.rankings.ranksIn('agency', agencyId, periodsEndingAt(period.key, RANK_TREND_QUARTERS)),
    ]);
    const figuresOf = (unitId: number | null) =>
      coverageOf(headcounts.get(unitId) ?? 0, evaluations.get(unitId) ?? NO_EVALUATIONS);
    const rows: UnitDashboardView[] = units
      .map((unit) => ({
        unitId: unit.id,
        name: unit.name,
        parentId: unit.parentId,
        active: unit.active,
        ...figuresOf(unit.id),
      }))
      .filter(({ active, headcount, evaluated }) => active || headcount > 0 || evaluated > 0)
      .map(({ active: _active, ...row }) => row);
    const withoutUnit = figuresOf(null);
    if (withoutUnit.headcount > 0 || withoutUnit.evaluated > 0)
      rows.push({ unitId: null, name: null, parentId: null, ...withoutUnit });
    const sum = (pick: (e: UnitEvaluationRow) => number) =>
      [...evaluations.values()].reduce((total, e) => total + pick(e), 0);
    const totals = coverageOf(
      [...headcounts.values()].reduce((a, b) => a + b, 0),
      {
        evaluated: sum((e) => e.evaluated),
        approved: sum((e) => e.approved),
        grades: {
          A: sum((e) => e.grades.A),
          B: sum((e) => e.grades.B),
          C: sum((e) => e.grades.C),
          D: sum((e) => e.grades.D),
        },
      },
    );
    return {
      period: period.key,
      agency,
      rankTrend,
      units: rows,
      totals,
      waitingForApproval: waiting,
    };
  }

  async cityAgencies(actor: Actor, query: CityAgenciesQueryDto): Promise<AgencyAveragePageView> {
    assertCityWide(actor);
    const period = anyPeriodOf(query.period);
    const { rows, total } = await readAgencyAverages(
      this.transactions.dataSource.manager,
      this.transactions.dialect,
      period.key,
      period.kind !== 'quarter',
      query.offset,
      query.limit,
    );
    return {
      period: period.key,
      total,
      limit: query.limit,
      offset: query.offset,
      items: rows.map((row) => ({
        rank: row.rank,
        agencyId: row.id,
        code: row.code,
        name: row.name,
        shortName: row.shortName,
        averageTotal: row.averageHundredths / 100,
        people: row.people,
      })),
    };
  }

  async cityCoverage(actor: Actor, query: CityPeriodQueryDto): Promise<CityCoverageView> {
    assertCityWide(actor);
    const period = anyPeriodOf(query.period);
    const quarters = quartersOf(String(period.year));
    const manager = this.transactions.dataSource.manager;
    const [agencies, headcounts, evaluated] = await Promise.all([
      readActiveAgencies(manager),
      readHeadcountByAgency(manager),
      readEvaluatedByAgencyAndQuarter(manager, quarters),
    ]);
    return {
      period: period.key,
      year: period.year,
      quarters,
      items: agencies.map((agency) => {
        const headcount = headcounts.get(agency.id) ?? 0;
        return {
          agencyId: agency.id,
          code: agency.code,
          name: agency.name,
          shortName: agency.shortName,
          headcount,
          quarters: quarters.map((quarter) => {
            const counts = evaluated.get(`${agency.id}|${quarter}`) ?? {
              evaluated: 0,
              approved: 0,
            };
            return {
              period: quarter,
              ...counts,
              evaluatedShare: percentOf(counts.evaluated, headcount),
              approvedShare: percentOf(counts.approved, headcount),
            };
          }),
        };
      }),
    };
  }
}

function coverageOf(headcount: number, evaluations: UnitEvaluationRow): CoverageFiguresView {
  return {
    headcount,
    evaluated: evaluations.evaluated,
    approved: evaluations.approved,
    evaluatedShare: percentOf(evaluations.evaluated, headcount),
    approvedShare: percentOf(evaluations.approved, headcount),
    grades: { ...evaluations.grades },
  };
}

function periodOf(key: string): PeriodKey {
  const period = parsePeriod(key);
  if (period?.kind !== 'quarter')
    throw ValidationFailed.field('period', 'must be a quarter YYYY-Qn');
  return period;
}

function anyPeriodOf(key: string): PeriodKey {
  const period = parsePeriod(key);
  if (!period) throw ValidationFailed.field('period', 'must be YYYY-Qn, YYYY-Hn or YYYY');
  return period;
}

/** The city dashboard shows every agency: city-wide callers only (SPEC §2). */
function assertCityWide(actor: Actor): void {
  if (!isCityWide(actor)) throw new Forbidden('The city dashboard is read by city-wide roles only');
}

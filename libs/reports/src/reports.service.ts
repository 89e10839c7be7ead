import { Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Actor, agencyFilterFor, NotFound, Transactions, ValidationFailed } from '@app/core';
import { parsePeriod, periodLabelVi, quartersOf } from '@app/domain';
import { sendExport } from '@app/exports';
import { CandidatesService } from '@app/nominations';
import { AgencyEntity } from '@app/org';
import { ReportQueryDto, SummaryReportView } from './dto/report.dto';
import { buildAgencyRows, inspectionView } from './report-builder';
import { reportTable } from './report-table';
import {
  readAgencies,
  readAgencyResults,
  readHeadcounts,
  readIncidentCounts,
  readInspections,
  readPersonResults,
  type ReportFilter,
} from './reports.queries';

/** The period report (SPEC §9) that agencies send the standing agency. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly candidates: CandidatesService,
  ) {}

  async summary(actor: Actor, query: ReportQueryDto): Promise<SummaryReportView> {
    const period = parsePeriod(query.period);
    if (!period) throw ValidationFailed.field('period', 'must be YYYY-Qn, YYYY-Hn or YYYY');
    const agencyId = agencyFilterFor(actor, query.agencyId);
    const manager = this.transactions.dataSource.manager;
    if (
      agencyId !== undefined &&
      !(await manager.getRepository(AgencyEntity).existsBy({ id: agencyId }))
    )
      throw new NotFound('Agency', agencyId);
    const fromRollups = period.kind !== 'quarter';
    const filter: ReportFilter = {
      period: period.key,
      quarters: quartersOf(period.key),
      fromRollups,
      agencyId,
    };
    const dialect = this.transactions.dialect;
    const [agencies, headcounts, personResults, agencyResults, incidents, inspections] =
      await Promise.all([
        readAgencies(manager, agencyId),
        readHeadcounts(manager, filter),
        readPersonResults(manager, dialect, filter),
        readAgencyResults(manager, filter),
        readIncidentCounts(manager, filter),
        readInspections(manager, filter),
      ]);
    let candidates: Map<number, number> | null = null;
    let agencyCandidates: Set<number> | null = null;
    if (fromRollups) {
      await this.candidates.ensureRanksFresh(period.key, 'person');
      await this.candidates.ensureRanksFresh(period.key, 'agency');
      const people = await this.candidates.judge(manager, {
        period: period.key,
        subjectType: 'person',
        agencyId,
      });
      candidates = new Map();
      for (const person of people) {
        if (person.verdict.isCandidate)
          candidates.set(person.agencyId, (candidates.get(person.agencyId) ?? 0) + 1);
      }
      const agencyVerdicts = await this.candidates.judge(manager, {
        period: period.key,
        subjectType: 'agency',
        subjectId: agencyId,
      });
      agencyCandidates = new Set(
        agencyVerdicts.filter((a) => a.verdict.isCandidate).map((a) => a.subjectId),
      );
    }
    const { agencies: rows, totals } = buildAgencyRows({
      agencies,
      headcounts,
      personResults,
      agencyResults,
      incidents,
      candidates,
      agencyCandidates,
    });
    return {
      period: period.key,
      periodLabel: periodLabelVi(period.key),
      kind: period.kind,
      agencyId: agencyId ?? null,
      agencies: rows,
      totals,
      inspections: inspections.map(inspectionView),
    };
  }

  /** The report as a file: the agencies with their total row, then the inspections. */
  async export(actor: Actor, query: ReportQueryDto, response: ServerResponse): Promise<void> {
    if (query.format === 'json') throw ValidationFailed.field('format', 'must be xlsx, csv or pdf');
    const report = await this.summary(actor, query);
    const scopeName =
      report.agencyId === null
        ? 'Các cơ quan, đơn vị của Thành phố'
        : (report.agencies[0]?.name ?? '');
    await sendExport(response, query.format, reportTable(report, scopeName));
  }
}

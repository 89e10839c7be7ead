import { Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import {
  Actor,
  agencyFilterFor,
  assertInScope,
  NotFound,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { parsePeriod, periodLabelVi, previousPeriod } from '@app/domain';
import { type ExportColumn, parseExportFormat, sendExport } from '@app/exports';
import { AgencyEntity, UnitEntity } from '@app/org';
import { RankingReader, RankingSnapshotsService } from '@app/rankings';
import { RankingExportQueryDto } from './dto/ranking-export.dto';
import { type RankingExportScope, streamRankingRows } from './ranking-export.queries';

const CATEGORY_LABELS: Record<string, string> = {
  cadre: 'cán bộ',
  civil_servant: 'công chức',
  public_employee: 'viên chức',
  worker: 'người lao động',
  contract: 'lao động hợp đồng',
};

function columnsOf(subjectType: 'person' | 'agency'): ExportColumn[] {
  return [
    { header: 'Xếp hạng', key: 'rank', width: 8, align: 'center' },
    { header: subjectType === 'person' ? 'Họ và tên' : 'Tên cơ quan', key: 'name', width: 28 },
    ...(subjectType === 'person'
      ? [
          { header: 'Cơ quan', key: 'agency', width: 24 },
          { header: 'Đơn vị', key: 'unit', width: 20 },
        ]
      : []),
    { header: 'Điểm', key: 'total', width: 8, align: 'right', decimals: 2 },
    { header: 'Xếp loại', key: 'grade', width: 10, align: 'center' },
    { header: 'Top %', key: 'topPercent', width: 8, align: 'right', decimals: 1 },
    { header: 'Hạng kỳ trước', key: 'previousRank', width: 10, align: 'center' },
    { header: 'Thay đổi', key: 'movement', width: 8, align: 'center' },
  ];
}

/** The whole ranking of a period and scope as a file (SPEC §8), with GET /rankings' scope rules. */
@Injectable()
export class RankingsExportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly snapshots: RankingSnapshotsService,
    private readonly reader: RankingReader,
  ) {}

  async export(
    actor: Actor,
    query: RankingExportQueryDto,
    response: ServerResponse,
  ): Promise<void> {
    const period = parsePeriod(query.period);
    if (!period) throw ValidationFailed.field('period', 'must be YYYY-Qn, YYYY-Hn or YYYY');
    const format = parseExportFormat(query.format);
    const { scope, scopeName } = await this.scopeOf(actor, query, period.key);
    await this.snapshots.ensureFresh(period.key, query.subjectType);
    const what = query.subjectType === 'person' ? 'CÁ NHÂN' : 'CƠ QUAN';
    const category = query.category ? ` — ${CATEGORY_LABELS[query.category]}` : '';
    await sendExport(response, format, {
      title: `BẢNG XẾP HẠNG ${what} ${periodLabelVi(period.key).toUpperCase()}`,
      subtitle: `${scopeName}${category}`,
      columns: columnsOf(query.subjectType),
      rows: streamRankingRows(this.transactions.dataSource.manager, this.reader, scope),
      fileName: `Xếp hạng ${query.subjectType === 'person' ? 'cá nhân' : 'cơ quan'} ${period.key}`,
    });
  }

  /** The scope asked for, checked against the caller's scope (as GET /rankings). */
  private async scopeOf(
    actor: Actor,
    query: RankingExportQueryDto,
    period: string,
  ): Promise<{ scope: RankingExportScope; scopeName: string }> {
    const manager = this.transactions.dataSource.manager;
    const base = {
      period,
      previousPeriod: previousPeriod(period),
      subjectType: query.subjectType,
      category: query.category,
    };
    if (query.subjectType === 'agency') {
      for (const field of ['agencyId', 'unitId', 'category'] as const) {
        if (query[field] !== undefined)
          throw ValidationFailed.field(field, 'agencies are ranked city-wide only');
      }
      return { scope: { ...base, kind: 'city', scopeId: 0 }, scopeName: 'Toàn thành phố' };
    }
    if (query.unitId !== undefined) {
      const unit = await manager.getRepository(UnitEntity).findOneBy({ id: query.unitId });
      if (!unit) throw new NotFound('Unit', query.unitId);
      if (query.agencyId !== undefined && query.agencyId !== unit.agencyId)
        throw ValidationFailed.field(
          'unitId',
          `unit ${unit.id} does not belong to agency ${query.agencyId}`,
        );
      assertInScope(actor, unit.agencyId);
      const agency = await manager.getRepository(AgencyEntity).findOneBy({ id: unit.agencyId });
      return {
        scope: { ...base, kind: 'unit', scopeId: unit.id },
        scopeName: `${unit.name} — ${agency?.name ?? ''}`,
      };
    }
    const agencyId = agencyFilterFor(actor, query.agencyId);
    if (agencyId === undefined)
      return { scope: { ...base, kind: 'city', scopeId: 0 }, scopeName: 'Toàn thành phố' };
    const agency = await manager.getRepository(AgencyEntity).findOneBy({ id: agencyId });
    if (!agency) throw new NotFound('Agency', agencyId);
    return { scope: { ...base, kind: 'agency', scopeId: agencyId }, scopeName: agency.name };
  }
}

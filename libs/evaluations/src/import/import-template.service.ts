import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { In, MoreThan } from 'typeorm';
import { Actor, agencyFilterFor, Forbidden, Transactions, ValidationFailed } from '@app/core';
import { CriteriaService } from '@app/criteria';
import { type CriterionDef, periodLabelVi } from '@app/domain';
import { AgencyEntity, PersonEntity, UnitEntity } from '@app/org';
import { EvaluationEntity } from '../evaluations/evaluation.entity';
import { valuesOf } from '../evaluations/evaluation-values';
import { mayEdit, type SubjectType } from '../evaluations/workflow';

const PAGE = 1000;

const HINTS: Record<CriterionDef['kind'], (def: CriterionDef) => string> = {
  score: (def) => `0–${def.maxPoints}`,
  boolean: () => 'có/không',
  percentage: () => '0–100 %',
  count: () => 'số lần',
};

interface TemplateRow {
  key: string;
  name: string;
  unitName: string | null;
  values: Record<string, number | boolean>;
}

/** `GET /evaluations/import-template`: an XLSX with the subjects filled in and a column per criterion, streamed. */
@Injectable()
export class ImportTemplateService {
  constructor(
    private readonly transactions: Transactions,
    private readonly criteria: CriteriaService,
  ) {}

  async fileName(
    subjectType: SubjectType,
    period: string,
    agencyId: number | undefined,
  ): Promise<string> {
    const agency = agencyId
      ? await this.transactions.dataSource.getRepository(AgencyEntity).findOneBy({ id: agencyId })
      : null;
    return `Mau nhap phieu danh gia ${period}${agency ? ` ${agency.code}` : ''}.xlsx`;
  }

  /** Checks the request and answers which agency's people go in (none for agency templates). */
  async scope(
    actor: Actor,
    subjectType: SubjectType,
    requestedAgencyId: number | undefined,
  ): Promise<number | undefined> {
    // An agency template carries every agency's values, drafts included: only their editors get it.
    if (subjectType === 'agency' && !mayEdit('agency', actor.role))
      throw new Forbidden(`A ${actor.role} may not take the template of agency evaluations`);
    const agencyId = agencyFilterFor(actor, requestedAgencyId);
    if (subjectType === 'person' && agencyId === undefined)
      throw ValidationFailed.field('agencyId', 'name the agency whose people go in the template');
    if (
      agencyId !== undefined &&
      !(await this.transactions.dataSource.getRepository(AgencyEntity).existsBy({ id: agencyId }))
    ) {
      throw ValidationFailed.field('agencyId', `agency ${agencyId} does not exist`);
    }
    return agencyId;
  }

  async write(
    out: Writable,
    subjectType: SubjectType,
    period: string,
    agencyId: number | undefined,
  ): Promise<void> {
    const set = await this.criteria.newestPublished(subjectType);
    const typed = set.criteria.filter((def) => !def.fromIncidents);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Phiếu đánh giá', {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    const keyHeader =
      subjectType === 'person'
        ? ['Mã nhân viên [employeeCode]', 'Họ và tên [fullName]', 'Đơn vị [unitName]']
        : ['Mã cơ quan [agencyCode]', 'Tên cơ quan [agencyName]'];
    const headers = [
      'STT [no]',
      ...keyHeader,
      ...typed.map((def) => `${def.name ?? def.code} (${HINTS[def.kind](def)}) [${def.code}]`),
    ];
    sheet.columns = headers.map((_, index) => ({
      width: index === 0 ? 6 : index <= keyHeader.length ? 28 : 22,
    }));
    const title = sheet.addRow([
      `Phiếu đánh giá thực hiện quy tắc ứng xử — ${periodLabelVi(period)} — bộ tiêu chí ${set.code} v${set.version}`,
    ]);
    title.font = { bold: true, size: 13 };
    title.commit();
    sheet
      .addRow([
        'Điền giá trị vào các cột tiêu chí; ô để trống giữ nguyên giá trị đã có. Không sửa dòng tiêu đề.',
      ])
      .commit();
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.commit();
    let number = 0;
    for await (const rows of this.subjects(subjectType, period, agencyId)) {
      for (const row of rows) {
        const cells =
          subjectType === 'person' ? [row.key, row.name, row.unitName] : [row.key, row.name];
        sheet
          .addRow([++number, ...cells, ...typed.map((def) => row.values[def.code] ?? null)])
          .commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  }

  /** Active subjects in pages by id, with the quarter's values where an evaluation exists. */
  private async *subjects(
    subjectType: SubjectType,
    period: string,
    agencyId: number | undefined,
  ): AsyncGenerator<TemplateRow[]> {
    const data = this.transactions.dataSource;
    const units =
      subjectType === 'person'
        ? new Map(
            (await data.getRepository(UnitEntity).findBy({ agencyId })).map((u) => [u.id, u.name]),
          )
        : new Map<number, string>();
    let lastId = 0;
    for (;;) {
      const page =
        subjectType === 'person'
          ? (
              await data.getRepository(PersonEntity).find({
                where: { agencyId, active: true, id: MoreThan(lastId) },
                order: { id: 'ASC' },
                take: PAGE,
              })
            ).map((p) => ({ id: p.id, key: p.employeeCode, name: p.fullName, unitId: p.unitId }))
          : (
              await data.getRepository(AgencyEntity).find({
                where: { active: true, id: MoreThan(lastId) },
                order: { id: 'ASC' },
                take: PAGE,
              })
            ).map((a) => ({ id: a.id, key: a.code, name: a.name, unitId: null }));
      if (page.length === 0) return;
      lastId = page[page.length - 1].id;
      const evaluations = await data
        .getRepository(EvaluationEntity)
        .findBy({ subjectType, period, subjectId: In(page.map((s) => s.id)) });
      const valuesBySubject = new Map(evaluations.map((e) => [e.subjectId, valuesOf(e)]));
      yield page.map((s) => ({
        key: s.key,
        name: s.name,
        unitName: s.unitId ? (units.get(s.unitId) ?? null) : null,
        values: valuesBySubject.get(s.id) ?? {},
      }));
    }
  }
}

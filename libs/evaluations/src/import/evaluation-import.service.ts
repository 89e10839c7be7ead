import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  Actor,
  AuditEntry,
  AuditWriter,
  Cell,
  Forbidden,
  ImportMode,
  ImportOutcome,
  ImportProblem,
  isCityWide,
  readUploadedTable,
  refuseIfAllOrNothing,
  Transactions,
  UploadedFile,
} from '@app/core';
import { CriteriaService, type CriteriaSetDef } from '@app/criteria';
import { EvaluationEntity } from '../evaluations/evaluation.entity';
import {
  scoreOf,
  valuesOf,
  type Values,
  withIncidentCounts,
} from '../evaluations/evaluation-values';
import { mayEdit, type SubjectType } from '../evaluations/workflow';
import { assertQuarter, PeriodsService } from '../periods/periods.service';
import {
  evaluationsOf,
  ImportSubject,
  incidentCountsBySubject,
  subjectsByKey,
} from './evaluation-import.queries';
import { parseCell } from './import-cells';

/** Columns a template carries for the reader's eyes; their cells are not imported. */
export const INFO_COLUMNS = ['no', 'fullName', 'position', 'unitName', 'agencyName'];
const KEY_OF: Record<SubjectType, string> = { person: 'employeeCode', agency: 'agencyCode' };
const CHUNK = 500;

function inScope(actor: Actor, agencyId: number): boolean {
  return isCityWide(actor) || agencyId === actor.agencyId;
}

function unknownKey(subjectType: SubjectType, code: string, actor: Actor): string {
  const what = subjectType === 'person' ? 'employee' : 'agency';
  return `unknown ${what} code ${code}${isCityWide(actor) ? '' : ' in your agency'}`;
}

interface GoodRow {
  row: number;
  subject: ImportSubject;
  changes: Values;
  existing: EvaluationEntity | undefined;
}

/**
 * `POST /evaluations/import`: a row per subject, a column per criterion code.
 * Set-based: subjects, existing evaluations and incident counts are read in a
 * few IN queries, new evaluations inserted in batches, all in one transaction.
 */
@Injectable()
export class EvaluationImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly criteria: CriteriaService,
    private readonly periods: PeriodsService,
  ) {}

  async import(
    actor: Actor,
    period: string,
    file: UploadedFile | undefined,
    mode: ImportMode,
  ): Promise<ImportOutcome> {
    assertQuarter(period);
    const table = await readUploadedTable(file, Object.values(KEY_OF));
    const subjectType: SubjectType = table.columns.includes(KEY_OF.person) ? 'person' : 'agency';
    if (!mayEdit(subjectType, actor.role))
      throw new Forbidden(`A ${actor.role} may not import evaluations of ${subjectType}s`);
    const key = KEY_OF[subjectType];
    return this.transactions.run(async (manager) => {
      await this.periods.assertOpen(manager, period);
      const newest = await this.criteria.newestPublished(subjectType, manager);
      const defs = new Map(newest.criteria.map((def) => [def.code, def]));
      const problems: ImportProblem[] = [];
      const criterionColumns = table.columns.filter((column) => defs.has(column));
      for (const column of table.columns) {
        if (column === '' || column === key || INFO_COLUMNS.includes(column) || defs.has(column))
          continue;
        problems.push({
          row: table.headerRow,
          column,
          message: `unknown column ${column}: not a criterion of set ${newest.code} v${newest.version}`,
        });
      }
      const keys = [
        ...new Set(table.rows.map((row) => String(row.cells[key] ?? '').trim()).filter(Boolean)),
      ];
      const subjects = await subjectsByKey(manager, subjectType, keys);
      const existing = await evaluationsOf(
        manager,
        subjectType,
        period,
        [...subjects.values()].map((s) => s.id),
      );
      const sets = await this.setsOf(manager, newest, existing);
      const seen = new Set<string>();
      const good: GoodRow[] = [];
      for (const { row, cells } of table.rows) {
        const problem = (column: string, message: string) =>
          problems.push({ row, column, message });
        const before = problems.length;
        const code = String(cells[key] ?? '').trim();
        const found = subjects.get(code);
        const foundEvaluation = found ? existing.get(found.id) : undefined;
        // As PATCH: an existing evaluation's agency decides, not the one its subject has moved to
        // since. A subject the caller has no business with reads as unknown, so that nothing
        // tells one agency what exists in another.
        const subject =
          found &&
          (inScope(actor, found.agencyId) ||
            (foundEvaluation && inScope(actor, foundEvaluation.agencyId)))
            ? found
            : undefined;
        const evaluation = subject ? foundEvaluation : undefined;
        if (!code) problem(key, 'is empty');
        else if (seen.has(code)) problem(key, `${code} appears twice in the file`);
        else if (!subject) problem(key, unknownKey(subjectType, code, actor));
        else if (!subject.active) problem(key, `${code} is inactive`);
        else if (evaluation && !inScope(actor, evaluation.agencyId))
          problem(key, `the ${period} evaluation of ${code} belongs to another agency`);
        else if (evaluation && evaluation.status !== 'draft' && evaluation.status !== 'returned') {
          problem(
            key,
            `the evaluation of ${code} is ${evaluation.status}; only drafts and returned evaluations are updated`,
          );
        }
        seen.add(code);
        const set = evaluation ? sets.get(evaluation.criteriaSetId)! : newest;
        const changes = this.readValues(set, criterionColumns, cells, problem);
        if (problems.length === before && subject)
          good.push({ row, subject, changes, existing: evaluation });
      }
      refuseIfAllOrNothing(mode, problems);
      const counts = await incidentCountsBySubject(
        manager,
        subjectType,
        period,
        good.map((g) => g.subject.id),
      );
      const created = await this.insertNew(
        manager,
        actor,
        subjectType,
        period,
        newest,
        good.filter((g) => !g.existing),
        counts,
      );
      const updated = await this.updateExisting(
        manager,
        actor,
        sets,
        good.filter((g) => g.existing),
        counts,
      );
      return { mode, created, updated, rejected: problems };
    });
  }

  private readValues(
    set: CriteriaSetDef,
    columns: readonly string[],
    cells: Record<string, Cell>,
    problem: (column: string, message: string) => void,
  ): Values {
    const changes: Values = {};
    for (const column of columns) {
      const def = set.criteria.find((d) => d.code === column);
      const cell = cells[column];
      if (cell === null || cell === undefined) continue;
      if (!def)
        problem(
          column,
          `is not a criterion of the set this evaluation uses (${set.code} v${set.version})`,
        );
      else if (def.fromIncidents)
        problem(column, 'is counted from incidents and cannot be imported');
      else {
        const parsed = parseCell(def, cell);
        if ('error' in parsed) problem(column, parsed.error);
        else if (parsed.value !== null) changes[column] = parsed.value;
      }
    }
    return changes;
  }

  private async setsOf(
    manager: EntityManager,
    newest: CriteriaSetDef,
    existing: Map<number, EvaluationEntity>,
  ): Promise<Map<number, CriteriaSetDef>> {
    const sets = new Map([[newest.id, newest]]);
    for (const id of new Set([...existing.values()].map((e) => e.criteriaSetId))) {
      if (!sets.has(id)) sets.set(id, await this.criteria.getSet(id, manager));
    }
    return sets;
  }

  private async insertNew(
    manager: EntityManager,
    actor: Actor,
    subjectType: SubjectType,
    period: string,
    set: CriteriaSetDef,
    rows: GoodRow[],
    counts: Map<number, Map<string, number>>,
  ): Promise<number> {
    const repository = manager.getRepository(EvaluationEntity);
    const now = new Date();
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const entities = chunk.map(({ subject, changes }) => {
        const values = withIncidentCounts(set, changes, counts.get(subject.id) ?? new Map());
        const score = scoreOf(set, values);
        return repository.create({
          subjectType,
          subjectId: subject.id,
          agencyId: subject.agencyId,
          unitId: subject.unitId,
          period,
          criteriaSetId: set.id,
          status: 'draft',
          version: 1,
          total: score.total,
          grade: score.grade,
          disqualified: score.disqualified,
          valuesJson: JSON.stringify(values),
          notesJson: '{}',
          returnReason: null,
          submittedAt: null,
          approvedAt: null,
          approvedBy: null,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        });
      });
      await repository.createQueryBuilder().insert().values(entities).updateEntity(false).execute();
      const ids = await repository.find({
        where: { subjectType, period, subjectId: In(chunk.map((row) => row.subject.id)) },
        select: { id: true, subjectId: true },
      });
      const idOf = new Map(ids.map((row) => [row.subjectId, row.id]));
      const audit: AuditEntry[] = entities.map((entity) => ({
        action: 'import',
        entity: 'evaluation',
        entityId: idOf.get(entity.subjectId)!,
        after: {
          subjectType,
          subjectId: entity.subjectId,
          period,
          criteriaSetId: set.id,
          status: 'draft',
          total: entity.total,
          grade: entity.grade,
          values: JSON.parse(entity.valuesJson),
        },
      }));
      await this.audit.recordMany(manager, actor, audit);
    }
    return rows.length;
  }

  private async updateExisting(
    manager: EntityManager,
    actor: Actor,
    sets: Map<number, CriteriaSetDef>,
    rows: GoodRow[],
    counts: Map<number, Map<string, number>>,
  ): Promise<number> {
    const now = new Date();
    const audit: AuditEntry[] = [];
    const changed = rows.map(({ existing, changes, subject }) => {
      const entity = existing!;
      const set = sets.get(entity.criteriaSetId)!;
      const before = {
        version: entity.version,
        total: entity.total,
        grade: entity.grade,
        values: valuesOf(entity),
      };
      const values = withIncidentCounts(
        set,
        { ...valuesOf(entity), ...changes },
        counts.get(subject.id) ?? new Map(),
      );
      const score = scoreOf(set, values);
      Object.assign(entity, {
        valuesJson: JSON.stringify(values),
        total: score.total,
        grade: score.grade,
        disqualified: score.disqualified,
        version: entity.version + 1,
        updatedAt: now,
      });
      audit.push({
        action: 'import',
        entity: 'evaluation',
        entityId: entity.id,
        before,
        after: { version: entity.version, total: entity.total, grade: entity.grade, values },
      });
      return entity;
    });
    if (changed.length)
      await manager.getRepository(EvaluationEntity).save(changed, { chunk: CHUNK });
    await this.audit.recordMany(manager, actor, audit);
    return changed.length;
  }
}

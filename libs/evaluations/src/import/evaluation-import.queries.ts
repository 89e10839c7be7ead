import { EntityManager, In, IsNull } from 'typeorm';
import { AgencyEntity, PersonEntity } from '@app/org';
import { EvaluationEntity } from '../evaluations/evaluation.entity';
import type { SubjectType } from '../evaluations/workflow';
import { IncidentEntity } from '../incidents/incident.entity';

const CHUNK = 500;

export interface ImportSubject {
  id: number;
  key: string;
  agencyId: number;
  unitId: number | null;
  active: boolean;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK)
    result.push(items.slice(start, start + CHUNK));
  return result;
}

/** The people or agencies named by the key column, in a few `IN` queries. */
export async function subjectsByKey(
  manager: EntityManager,
  subjectType: SubjectType,
  keys: readonly string[],
): Promise<Map<string, ImportSubject>> {
  const found = new Map<string, ImportSubject>();
  for (const chunk of chunks(keys)) {
    if (subjectType === 'person') {
      const people = await manager.getRepository(PersonEntity).find({
        where: { employeeCode: In(chunk) },
        select: { id: true, employeeCode: true, agencyId: true, unitId: true, active: true },
      });
      people.forEach((p) =>
        found.set(p.employeeCode, {
          id: p.id,
          key: p.employeeCode,
          agencyId: p.agencyId,
          unitId: p.unitId,
          active: p.active,
        }),
      );
    } else {
      const agencies = await manager
        .getRepository(AgencyEntity)
        .find({ where: { code: In(chunk) }, select: { id: true, code: true, active: true } });
      agencies.forEach((a) =>
        found.set(a.code, {
          id: a.id,
          key: a.code,
          agencyId: a.id,
          unitId: null,
          active: a.active,
        }),
      );
    }
  }
  return found;
}

/** The quarter's existing evaluations of these subjects, by subject id. */
export async function evaluationsOf(
  manager: EntityManager,
  subjectType: SubjectType,
  period: string,
  subjectIds: readonly number[],
): Promise<Map<number, EvaluationEntity>> {
  const found = new Map<number, EvaluationEntity>();
  for (const chunk of chunks(subjectIds)) {
    const builder = manager
      .getRepository(EvaluationEntity)
      .createQueryBuilder('e')
      .where('e.subjectType = :subjectType AND e.period = :period', { subjectType, period })
      .andWhere('e.subjectId IN (:...ids)', { ids: chunk });
    if (manager.connection.options.type === 'mysql') builder.setLock('pessimistic_write');
    (await builder.getMany()).forEach((evaluation) => found.set(evaluation.subjectId, evaluation));
  }
  return found;
}

/** Incident counts per subject and criterion for the quarter, in one grouped query per chunk. */
export async function incidentCountsBySubject(
  manager: EntityManager,
  subjectType: SubjectType,
  period: string,
  subjectIds: readonly number[],
): Promise<Map<number, Map<string, number>>> {
  const counts = new Map<number, Map<string, number>>();
  for (const chunk of chunks(subjectIds)) {
    const rows: { subjectId: number; code: string; count: string | number }[] = await manager
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .select('i.subjectId', 'subjectId')
      .addSelect('i.criterionCode', 'code')
      .addSelect('COUNT(*)', 'count')
      .where({ subjectType, period, subjectId: In(chunk), deletedAt: IsNull() })
      .groupBy('i.subjectId')
      .addGroupBy('i.criterionCode')
      .getRawMany();
    for (const row of rows) {
      const id = Number(row.subjectId);
      if (!counts.has(id)) counts.set(id, new Map());
      counts.get(id)!.set(row.code, Number(row.count));
    }
  }
  return counts;
}

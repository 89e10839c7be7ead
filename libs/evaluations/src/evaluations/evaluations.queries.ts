import { EntityManager } from 'typeorm';
import { IncidentEntity } from '../incidents/incident.entity';
import type { SubjectType } from './workflow';

/** Incidents of one subject in one quarter, counted per criterion (deleted ones left out). */
export async function incidentCountsOf(
  manager: EntityManager,
  subjectType: SubjectType,
  subjectId: number,
  period: string,
): Promise<Map<string, number>> {
  const rows: { code: string; count: string | number }[] = await manager
    .getRepository(IncidentEntity)
    .createQueryBuilder('i')
    .select('i.criterionCode', 'code')
    .addSelect('COUNT(*)', 'count')
    .where('i.subjectType = :subjectType AND i.subjectId = :subjectId AND i.period = :period', {
      subjectType,
      subjectId,
      period,
    })
    .andWhere('i.deletedAt IS NULL')
    .groupBy('i.criterionCode')
    .getRawMany();
  return new Map(rows.map((row) => [row.code, Number(row.count)]));
}

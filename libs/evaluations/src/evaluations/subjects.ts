import { EntityManager } from 'typeorm';
import { ValidationFailed } from '@app/core';
import { AgencyEntity, PersonEntity } from '@app/org';
import type { SubjectType } from './workflow';

export interface Subject {
  subjectType: SubjectType;
  subjectId: number;
  /** The person's agency now, or the agency itself. */
  agencyId: number;
  unitId: number | null;
  active: boolean;
}

/** Reads who is evaluated (org data, read only); an unknown id is a 400 on `field`. */
export async function subjectOf(
  manager: EntityManager,
  subjectType: SubjectType,
  subjectId: number,
  field = 'subjectId',
): Promise<Subject> {
  if (subjectType === 'person') {
    const person = await manager.getRepository(PersonEntity).findOneBy({ id: subjectId });
    if (!person) throw ValidationFailed.field(field, `person ${subjectId} does not exist`);
    return {
      subjectType,
      subjectId,
      agencyId: person.agencyId,
      unitId: person.unitId,
      active: person.active,
    };
  }
  const agency = await manager.getRepository(AgencyEntity).findOneBy({ id: subjectId });
  if (!agency) throw ValidationFailed.field(field, `agency ${subjectId} does not exist`);
  return { subjectType, subjectId, agencyId: agency.id, unitId: null, active: agency.active };
}

import type { CriterionDef, Thresholds } from '@app/domain';
import type { CriteriaSetEntity, CriteriaTarget } from './criteria-set.entity';
import type { CriteriaSetView, CriterionDto, CriterionView } from './dto/criteria-set.dto';

/** What an evaluation needs of its criteria set: the rules, not the bookkeeping. */
export interface CriteriaSetDef {
  id: number;
  code: string;
  version: number;
  name: string;
  target: CriteriaTarget;
  thresholds: Thresholds;
  criteria: CriterionDef[];
}

/** Every option spelled out, so stored criteria read the same whatever the input left out. */
export function normalizeCriterion(input: CriterionDto): CriterionView {
  return {
    code: input.code,
    name: input.name,
    group: input.group ?? null,
    kind: input.kind,
    maxPoints: input.maxPoints,
    target: input.target ?? null,
    penaltyPerUnit: input.penaltyPerUnit ?? null,
    bonus: input.bonus ?? false,
    fromIncidents: input.fromIncidents ?? false,
    disqualifying: input.disqualifying ?? false,
  };
}

export function criteriaOf(entity: CriteriaSetEntity): CriterionView[] {
  return JSON.parse(entity.criteriaJson) as CriterionView[];
}

export function thresholdsOf(entity: CriteriaSetEntity): Thresholds {
  return { A: entity.thresholdA, B: entity.thresholdB, C: entity.thresholdC };
}

export function criteriaSetView(entity: CriteriaSetEntity): CriteriaSetView {
  return {
    id: entity.id,
    code: entity.code,
    version: entity.version,
    name: entity.name,
    target: entity.target,
    status: entity.status,
    thresholds: thresholdsOf(entity),
    criteria: criteriaOf(entity),
    publishedAt: entity.publishedAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function criteriaSetDef(entity: CriteriaSetEntity): CriteriaSetDef {
  return {
    id: entity.id,
    code: entity.code,
    version: entity.version,
    name: entity.name,
    target: entity.target,
    thresholds: thresholdsOf(entity),
    criteria: criteriaOf(entity),
  };
}

import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto, trimText, wholeNumber } from '@app/core';
import type { CriterionKind, Grade } from '@app/domain';
import {
  EVALUATION_STATUSES,
  type EvaluationStatus,
  SUBJECT_TYPES,
  type SubjectType,
} from '../workflow';

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

export class CreateEvaluationDto {
  @IsIn(SUBJECT_TYPES)
  subjectType: SubjectType;

  /** The person's or the agency's id. */
  @IsInt()
  @Min(1)
  subjectId: number;

  /** Quarter key, e.g. `2025-Q1`. */
  @IsString()
  @Matches(QUARTER_PATTERN, { message: 'period must be a quarter such as 2025-Q1' })
  period: string;

  /** A value per criterion code: numbers, or true/false for boolean criteria; drafts may leave some out. */
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;

  /** A note per criterion code. */
  @IsOptional()
  @IsObject()
  notes?: Record<string, unknown>;
}

export class UpdateEvaluationDto {
  /** The version you read; an older one gets 409 STALE_VERSION. */
  @IsInt()
  @Min(1)
  version: number;

  /** Values to set (null clears one); codes not named keep their value. */
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;

  /** Notes to set (null or "" clears one). */
  @IsOptional()
  @IsObject()
  notes?: Record<string, unknown>;
}

export class EmptyBodyDto {}

export class ReasonDto {
  /** Why the evaluation goes back to its author. */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class EvaluationQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: 'period must be a quarter such as 2025-Q1' })
  period?: string;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  unitId?: number;

  @IsOptional()
  @IsIn(EVALUATION_STATUSES)
  status?: EvaluationStatus;

  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  subjectId?: number;
}

export class EvaluationItemView {
  code: string;
  name: string;
  group: string | null;
  kind: CriterionKind;
  maxPoints: number;
  bonus: boolean;
  fromIncidents: boolean;
  value: number | boolean | null;
  points: number;
  note: string | null;
}

export class EvaluationView {
  id: number;
  subjectType: SubjectType;
  subjectId: number;
  agencyId: number;
  unitId: number | null;
  period: string;
  criteriaSetId: number;
  criteriaSetVersion: number;
  status: EvaluationStatus;
  version: number;
  total: number;
  grade: Grade;
  gradeLabel: string;
  disqualified: boolean;
  items: EvaluationItemView[];
  returnReason: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedBy: number | null;
  createdBy: number;
  createdAt: Date;
  updatedAt: Date;
}

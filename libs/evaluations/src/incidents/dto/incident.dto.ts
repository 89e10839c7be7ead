import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto, trimText, wholeNumber } from '@app/core';
import { QUARTER_PATTERN } from '../../evaluations/dto/evaluation.dto';
import { SUBJECT_TYPES, type SubjectType } from '../../evaluations/workflow';

export class CreateIncidentDto {
  @IsIn(SUBJECT_TYPES)
  subjectType: SubjectType;

  @IsInt()
  @Min(1)
  subjectId: number;

  /** A fromIncidents criterion of the subject's criteria set, e.g. `HUT_THUOC`. */
  @IsString()
  @MaxLength(32)
  criterionCode: string;

  /** The day it happened, `YYYY-MM-DD`, inside an open quarter. */
  @IsString()
  occurredOn: string;

  /** What happened, e.g. `Công dân phản ánh thái độ tiếp nhận hồ sơ`. */
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class IncidentQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  subjectId?: number;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: 'period must be a quarter such as 2025-Q1' })
  period?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  criterionCode?: string;
}

export class IncidentView {
  id: number;
  subjectType: SubjectType;
  subjectId: number;
  agencyId: number;
  criterionCode: string;
  occurredOn: string;
  period: string;
  note: string | null;
  deletedAt: Date | null;
  createdBy: number;
  createdAt: Date;
}

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@app/core';
import { CRITERION_KINDS, type CriterionKind } from '@app/domain';
import {
  CRITERIA_SET_STATUSES,
  CRITERIA_TARGETS,
  type CriteriaSetStatus,
  type CriteriaTarget,
} from '../criteria-set.entity';

/** Grade thresholds: A Xuất sắc, B Tốt, C Đạt (defaults 90/75/50 for any left out). */
export class ThresholdsDto {
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  A?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  B?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  C?: number;
}

/** One criterion (SPEC §4). The rules between fields are checked by checkCriteriaSet. */
export class CriterionDto {
  /** Short code, e.g. `A1`; the column name in imports. */
  @IsString()
  code: string;

  /** Vietnamese name, e.g. `Đeo thẻ công chức`. */
  @IsString()
  name: string;

  /** Heading the criterion is grouped under. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  group?: string | null;

  @IsIn(CRITERION_KINDS)
  kind: CriterionKind;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxPoints: number;

  /** percentage only: the value that earns full points, in (0, 100]. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number | null;

  /** count only: points lost per unit. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  penaltyPerUnit?: number | null;

  @IsOptional()
  @IsBoolean()
  bonus?: boolean;

  @IsOptional()
  @IsBoolean()
  fromIncidents?: boolean;

  @IsOptional()
  @IsBoolean()
  disqualifying?: boolean;
}

export class CreateCriteriaSetDto {
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @IsIn(CRITERIA_TARGETS)
  target: CriteriaTarget;

  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;

  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];
}

/** A draft's fields; a published set never changes. */
export class UpdateCriteriaSetDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @IsOptional()
  @IsIn(CRITERIA_TARGETS)
  target?: CriteriaTarget;

  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];
}

export class CriteriaSetQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(CRITERIA_TARGETS)
  target?: CriteriaTarget;

  @IsOptional()
  @IsIn(CRITERIA_SET_STATUSES)
  status?: CriteriaSetStatus;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;
}

export class CriterionView {
  code: string;
  name: string;
  group: string | null;
  kind: CriterionKind;
  maxPoints: number;
  target: number | null;
  penaltyPerUnit: number | null;
  bonus: boolean;
  fromIncidents: boolean;
  disqualifying: boolean;
}

export class ThresholdsView {
  A: number;
  B: number;
  C: number;
}

export class CriteriaSetView {
  id: number;
  code: string;
  version: number;
  name: string;
  target: CriteriaTarget;
  status: CriteriaSetStatus;
  thresholds: ThresholdsView;
  criteria: CriterionView[];
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

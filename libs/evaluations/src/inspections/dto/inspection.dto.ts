import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { OmitType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, trimText, wholeNumber } from '@app/core';
import { QUARTER_PATTERN } from '../../evaluations/dto/evaluation.dto';

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item.trim() : item))
    : value;
const TEXT_LIMIT = 20000;

export class CreateInspectionDto {
  /** The agency visited. */
  @IsInt()
  @Min(1)
  agencyId: number;

  /** Day of the visit, `YYYY-MM-DD`; its quarter is the evaluation the checklist fills. */
  @IsString()
  visitedOn: string;

  /** Head of the delegation (trưởng đoàn). */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  leader: string;

  /** Members of the delegation. */
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(255, { each: true })
  members?: string[];

  /** Ưu điểm. */
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  strengths?: string;

  /** Tồn tại, hạn chế. */
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  shortcomings?: string;

  /** Kiến nghị. */
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  recommendations?: string;

  /** Values by criterion code of the agency criteria set, e.g. `{"BIEN_TEN": false}`. */
  @IsOptional()
  @IsObject()
  checklist?: Record<string, unknown>;
}

/** Any field of a visit but the agency; a new checklist goes into the evaluation as on create. */
export class UpdateInspectionDto extends PartialType(
  OmitType(CreateInspectionDto, ['agencyId'] as const),
) {}

export class InspectionQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: 'period must be a quarter such as 2025-Q1' })
  period?: string;
}

export class InspectionView {
  id: number;
  agencyId: number;
  period: string;
  visitedOn: string;
  leader: string;
  members: string[];
  strengths: string;
  shortcomings: string;
  recommendations: string;
  checklist: Record<string, unknown>;
  createdBy: number;
  createdAt: Date;
  updatedAt: Date;
}

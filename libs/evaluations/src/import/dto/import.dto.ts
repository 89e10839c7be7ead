import { Transform } from 'class-transformer';
import { wholeNumber } from '@app/core';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

const QUARTER = /^\d{4}-Q[1-4]$/;

export class ImportEvaluationsQueryDto {
  /** The quarter, e.g. `2025-Q1`. */
  @IsString()
  @Matches(QUARTER, { message: 'period must be a quarter like 2025-Q1' })
  period: string;

  /** `partial` writes the good rows and lists the bad; by default one bad row and nothing is written (422). */
  @IsOptional()
  @IsIn(['partial', 'all'])
  mode?: 'partial' | 'all';
}

export class ImportTemplateQueryDto {
  /** The quarter, e.g. `2025-Q1`. */
  @IsString()
  @Matches(QUARTER, { message: 'period must be a quarter like 2025-Q1' })
  period: string;

  /** `person` (default): the agency's people; `agency`: every agency. */
  @IsOptional()
  @IsIn(['person', 'agency'])
  subjectType?: 'person' | 'agency';

  /** The agency whose people go in (agency-bound callers: their own, the default). */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;
}

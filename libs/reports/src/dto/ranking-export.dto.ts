import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

export const RANKED_TYPES = ['person', 'agency'] as const;
export const CATEGORY_VALUES = [
  'cadre',
  'civil_servant',
  'public_employee',
  'worker',
  'contract',
] as const;

/** The query of GET /rankings, without paging (the export holds the whole ranking), plus format. */
export class RankingExportQueryDto {
  /** A quarter `2025-Q1`, a half `2025-H1` or a year `2025`. */
  @IsString()
  @Matches(/^\d{4}(-(Q[1-4]|H[12]))?$/, { message: 'period must be YYYY-Qn, YYYY-Hn or YYYY' })
  period: string;

  @IsIn(RANKED_TYPES)
  subjectType: (typeof RANKED_TYPES)[number];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @IsOptional()
  @IsIn(CATEGORY_VALUES)
  category?: (typeof CATEGORY_VALUES)[number];

  /** `xlsx`, `csv` or `pdf`. */
  @IsString()
  format: string;
}

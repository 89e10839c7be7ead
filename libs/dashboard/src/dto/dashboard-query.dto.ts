import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { IntersectionType } from '@nestjs/swagger';
import { PageQueryDto, wholeNumber } from '@app/core';

/** The department head's dashboard: one quarter of one agency. */
export class AgencyDashboardQueryDto {
  /** A quarter, `2025-Q1`. */
  @IsString()
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'period must be a quarter YYYY-Qn' })
  period: string;

  /** The agency (agency-bound callers: their own, which is the default for them; city-wide callers must name one). */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;
}

/** The city dashboard: a quarter, a half or a year. */
export class CityPeriodQueryDto {
  /** A quarter `2025-Q1`, a half `2025-H1` or a year `2025`. */
  @IsString()
  @Matches(/^\d{4}(-(Q[1-4]|H[12]))?$/, { message: 'period must be YYYY-Qn, YYYY-Hn or YYYY' })
  period: string;
}

export class CityAgenciesQueryDto extends IntersectionType(CityPeriodQueryDto, PageQueryDto) {}

import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { IntersectionType } from '@nestjs/swagger';
import { PageQueryDto, wholeNumber } from '@app/core';
import { PERSON_CATEGORIES, type PersonCategory } from '@app/org';

export const SUBJECT_TYPES = ['person', 'agency'] as const;
export const HISTORY_SCOPES = ['city', 'agency', 'unit'] as const;

const PERIOD_KEY = /^\d{4}(-(Q[1-4]|H[12]))?$/;

/** Which ranking: the period and the scope (GET /rankings and its export share it). */
export class RankingScopeQueryDto {
  /** A quarter `2025-Q1`, a half `2025-H1` or a year `2025`. */
  @IsString()
  @Matches(PERIOD_KEY, { message: 'period must be YYYY-Qn, YYYY-Hn or YYYY' })
  period: string;

  @IsIn(SUBJECT_TYPES)
  subjectType: (typeof SUBJECT_TYPES)[number];

  /** People of one agency (agency-bound callers: their own, which is the default for them). */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  /** People of one unit. */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  unitId?: number;

  /** People of one category, ranked among themselves. */
  @IsOptional()
  @IsIn(PERSON_CATEGORIES)
  category?: PersonCategory;
}

export class RankingQueryDto extends IntersectionType(RankingScopeQueryDto, PageQueryDto) {}

export class RankingHistoryQueryDto {
  @IsIn(SUBJECT_TYPES)
  subjectType: (typeof SUBJECT_TYPES)[number];

  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  subjectId: number;

  /**
   * The scope of the ranks: agencies are ranked city-wide; people default to their agency (the
   * agency they had in each period), `city` and `unit` on request.
   */
  @IsOptional()
  @IsIn(HISTORY_SCOPES)
  scope?: (typeof HISTORY_SCOPES)[number];
}

export class RankingItemView {
  rank: number;
  subjectId: number;
  name: string;
  agencyId: number;
  unitId: number | null;
  category: string | null;
  total: number;
  grade: string;
  topPercent: number;
  previousRank: number | null;
  movement: number | null;
}

export class RankingPageView {
  period: string;
  subjectType: string;
  scope: { kind: string; id: number | null; category: string | null };
  total: number;
  limit: number;
  offset: number;
  items: RankingItemView[];
}

export class RankingHistoryItemView {
  period: string;
  rank: number;
  rankedOf: number;
  total: number;
  grade: string;
}

export class RankingHistoryView {
  items: RankingHistoryItemView[];
}

import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { queryBoolean, wholeNumber } from '@app/core';
import type { CheckName, CheckOutcome } from '@app/domain';

export const NOMINEE_TYPES = ['person', 'agency'] as const;
export const PERIOD_KEY = /^\d{4}(-(Q[1-4]|H[12]))?$/;

export class ExemplaryQueryDto {
  /** A half `2025-H1`, `2025-H2` or a year `2025` (a quarter is refused). */
  @IsString()
  @Matches(PERIOD_KEY, { message: 'period must be YYYY-H1, YYYY-H2 or YYYY' })
  period: string;

  /** `person` (default): people, ranked within their agency; `agency`: agencies, city-wide. */
  @IsOptional()
  @IsIn(NOMINEE_TYPES)
  subjectType: (typeof NOMINEE_TYPES)[number] = 'person';

  /** People of one agency (agency-bound callers: their own, which is the default for them). */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  /** Also list the subjects that fail exactly one check. */
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  nearMisses?: boolean;
}

export class CheckView implements CheckOutcome {
  check: CheckName;
  passed: boolean;
  detail: string;
}

export class CandidateView {
  subjectId: number;
  name: string;
  agencyId: number;
  total: number;
  grade: string;
  rank: number | null;
  rankedOf: number | null;
  checks: CheckView[];
  reasons: string[];
}

export class NearMissView {
  subjectId: number;
  name: string;
  agencyId: number;
  total: number;
  grade: string;
  rank: number | null;
  rankedOf: number | null;
  failed: CheckName;
  checks: CheckView[];
}

export class ExemplaryView {
  period: string;
  subjectType: string;
  agencyId: number | null;
  /** The top share of the ranking scope used by the topShare check. */
  share: number;
  items: CandidateView[];
  nearMisses?: NearMissView[];
}

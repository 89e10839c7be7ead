import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto, trimText, wholeNumber } from '@app/core';
import { NOMINEE_TYPES, PERIOD_KEY } from './exemplary.dto';

export const NOMINATION_STATUSES = ['draft', 'submitted', 'accepted', 'rejected'] as const;
export const DECISIONS = ['accepted', 'rejected'] as const;

export class CreateNominationDto {
  /** E.g. `Danh sách đề nghị khen thưởng năm 2025`. */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  /** A half `2025-H1`, `2025-H2` or a year `2025`. */
  @IsString()
  @Matches(PERIOD_KEY, { message: 'period must be YYYY-H1, YYYY-H2 or YYYY' })
  period: string;

  /**
   * The agency whose people the list proposes (an agency's nominator: its own, the default).
   * Left out by a city-wide nominator or an admin: the city's list of agencies.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  agencyId?: number;
}

export class AddEntryDto {
  /** `person` on an agency's list, `agency` on the city's list. */
  @IsIn(NOMINEE_TYPES)
  subjectType: (typeof NOMINEE_TYPES)[number];

  @IsInt()
  @Min(1)
  subjectId: number;

  /** The achievements (thành tích) that justify the proposal, at most 2000 characters. */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  achievement: string;

  /** Required when the subject is not an exemplary candidate; kept in the audit log. */
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  overrideReason?: string;
}

export class DecideNominationDto {
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  /** The number of the decision, e.g. `125/QĐ-SVHTT`. */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  decisionNumber: string;

  /** YYYY-MM-DD. */
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be a date YYYY-MM-DD' })
  decisionDate: string;
}

export class NominationQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Matches(PERIOD_KEY, { message: 'period must be YYYY-H1, YYYY-H2 or YYYY' })
  period?: string;

  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  status?: (typeof NOMINATION_STATUSES)[number];

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;
}

export class ExportQueryDto {
  /** `xlsx`, `csv` or `pdf`. */
  @IsString()
  format: string;
}

export class NominationEntryView {
  id: number;
  subjectType: string;
  subjectId: number;
  name: string;
  position: string | null;
  unitName: string | null;
  agencyId: number;
  achievement: string;
  overrideReason: string | null;
  candidate: boolean;
  total: number | null;
  grade: string | null;
  rank: number | null;
  rankedOf: number | null;
  createdAt: string;
}

export class NominationListView {
  id: number;
  title: string;
  period: string;
  subjectType: string;
  agencyId: number | null;
  status: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  entryCount: number;
}

export class NominationDetailView extends NominationListView {
  entries: NominationEntryView[];
}

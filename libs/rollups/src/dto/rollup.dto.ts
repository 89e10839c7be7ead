import { IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '@app/core';

const ROLLUP_PERIOD = /^\d{4}(-H[12])?$/;

export class StartRollupDto {
  /** A half `2025-H1`, `2025-H2` or a year `2025`. */
  @IsString()
  @Matches(ROLLUP_PERIOD, { message: 'period must be a half YYYY-H1, YYYY-H2 or a year YYYY' })
  period: string;
}

export class RollupRunQueryDto extends PageQueryDto {
  /** Runs of one half or year. */
  @IsOptional()
  @IsString()
  @Matches(ROLLUP_PERIOD, { message: 'period must be a half YYYY-H1, YYYY-H2 or a year YYYY' })
  period?: string;
}

export class RollupRunView {
  id: number;
  period: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  subjects: number | null;
  error: string | null;
}

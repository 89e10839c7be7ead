import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, trimText } from '@app/core';
import type { PeriodStatus } from '../period.entity';

export class PeriodQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: PeriodStatus;
}

export class ClosePeriodDto {}

export class ReopenPeriodDto {
  /** Why a closed quarter accepts changes again (audited). */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class PeriodView {
  /** Quarter key, e.g. `2025-Q1`. */
  key: string;
  /** Vietnamese label, e.g. `Quý I năm 2025`. */
  label: string;
  status: PeriodStatus;
  closedAt: Date | null;
  reopenReason: string | null;
  updatedAt: Date;
}

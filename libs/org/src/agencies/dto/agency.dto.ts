import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, queryBoolean, trimText } from '@app/core';
import { RECORD_CODE, RECORD_CODE_RULE } from '../../record-code';

export class CreateAgencyDto {
  /** Unique code, e.g. `STC` (letters, digits, dot, dash, underscore). */
  @Transform(trimText)
  @IsString()
  @Matches(RECORD_CODE, { message: `code must be ${RECORD_CODE_RULE}` })
  code: string;

  /** Full name, e.g. `Sở Tài chính`. */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  /** Short name, e.g. `STC`. */
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  shortName?: string;
}

export class UpdateAgencyDto {
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  shortName?: string;

  /** An inactive agency is kept with its history but gets no new records. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AgencyQueryDto extends PageQueryDto {
  /** Part of the code or name. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class AgencyView {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  active: boolean;
}

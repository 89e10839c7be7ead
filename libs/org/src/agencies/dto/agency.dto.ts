import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, queryBoolean, trimText } from '@app/core';

export class CreateAgencyDto {
  /** Unique code, e.g. `STC` (letters, digits, dot, dash, underscore). */
  @Transform(trimText)
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, {
    message: 'code must be 1 to 32 letters, digits, dots, dashes or underscores',
  })
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

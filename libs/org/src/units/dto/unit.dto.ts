import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, trimText, wholeNumber } from '@app/core';
import { RECORD_CODE, RECORD_CODE_RULE } from '../../record-code';

export class CreateUnitDto {
  /** Code, unique within the agency, e.g. `MOTCUA`. */
  @Transform(trimText)
  @IsString()
  @Matches(RECORD_CODE, { message: `code must be ${RECORD_CODE_RULE}` })
  code: string;

  /** Name, e.g. `Bộ phận một cửa`. */
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  /** Parent unit of the same agency; leave it out for a top-level unit (null is refused). */
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(1)
  parentId?: number;
}

export class UpdateUnitDto {
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  /** New parent unit of the same agency, or null for a top-level unit. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UnitQueryDto extends PageQueryDto {
  /** Only the children of this unit. */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  parentId?: number;
}

export class UnitView {
  id: number;
  agencyId: number;
  parentId: number | null;
  code: string;
  name: string;
  active: boolean;
}

export class UnitTreeNode extends UnitView {
  children: UnitTreeNode[];
}

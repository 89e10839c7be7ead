import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { collapseSpaces, PageQueryDto, queryBoolean, wholeNumber } from '@app/core';
import { PERSON_CATEGORIES, type PersonCategory } from '../person.entity';
import { RECORD_CODE, RECORD_CODE_RULE } from '../../record-code';

export class CreatePersonDto {
  /** Unique employee code. */
  @Transform(collapseSpaces)
  @IsString()
  @Matches(RECORD_CODE, { message: `employeeCode must be ${RECORD_CODE_RULE}` })
  employeeCode: string;

  /** Full name in Vietnamese, e.g. `Nguyễn Thị Hoà`. */
  @Transform(collapseSpaces)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName: string;

  /** Position (chức vụ). */
  @IsOptional()
  @Transform(collapseSpaces)
  @IsString()
  @MaxLength(255)
  position?: string;

  @IsIn(PERSON_CATEGORIES)
  category: PersonCategory;

  @IsOptional()
  @IsBoolean()
  partyMember?: boolean;

  @IsInt()
  @Min(1)
  agencyId: number;

  /** A unit of that agency. */
  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;
}

export class UpdatePersonDto {
  @IsOptional()
  @Transform(collapseSpaces)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName?: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Transform(collapseSpaces)
  @IsString()
  @MaxLength(255)
  position?: string | null;

  @IsOptional()
  @IsIn(PERSON_CATEGORIES)
  category?: PersonCategory;

  @IsOptional()
  @IsBoolean()
  partyMember?: boolean;

  /** An inactive person keeps their history but is no longer evaluated. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class TransferPersonDto {
  /** The agency the person moves to (agency-bound callers: their own). */
  @IsInt()
  @Min(1)
  agencyId: number;

  /** A unit of that agency. */
  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;
}

export class PersonQueryDto extends PageQueryDto {
  /** Name or employee code; diacritics optional ("nguyen thi hoa" finds "Nguyễn Thị Hoà"). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  unitId?: number;

  @IsOptional()
  @IsIn(PERSON_CATEGORIES)
  category?: PersonCategory;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class PersonView {
  id: number;
  employeeCode: string;
  fullName: string;
  position: string | null;
  category: PersonCategory;
  partyMember: boolean;
  agencyId: number;
  unitId: number | null;
  active: boolean;
}

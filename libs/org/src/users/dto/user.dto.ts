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
import {
  MIN_PASSWORD_LENGTH,
  PageQueryDto,
  queryBoolean,
  ROLES,
  type Role,
  USERNAME,
  USERNAME_RULE,
  wholeNumber,
} from '@app/core';

export class CreateUserDto {
  /** 3 to 64 letters, digits, dots, dashes or underscores. */
  @IsString()
  @Matches(USERNAME, { message: `username must be ${USERNAME_RULE}` })
  username: string;

  /** At least 10 characters. */
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password: string;

  @IsIn(ROLES)
  role: Role;

  /** Required for hr_officer and department_head, optional for nominator, absent for admin and inspector. */
  @IsOptional()
  @IsInt()
  @Min(1)
  agencyId?: number;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  agencyId?: number | null;

  /** A disabled user cannot log in or refresh; their sessions are revoked. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class UserView {
  id: number;
  username: string;
  role: Role;
  agencyId: number | null;
  active: boolean;
}

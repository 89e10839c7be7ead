import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LogoutDto {
  /** The refresh token to revoke with its family; omit it to end every session of the caller. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}

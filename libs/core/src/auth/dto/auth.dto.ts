import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '../roles';

export class LoginDto {
  /** The username, e.g. `admin`. */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  /** The password (demo accounts: `thidua-demo`). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  /** The refresh token of the last login or refresh; it is rotated on use. The web app omits it: its token is in the cookie. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}

export class SessionUserDto {
  id: number;
  username: string;
  role: Role;
  agencyId: number | null;
}

export class TokensDto {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUserDto;
}

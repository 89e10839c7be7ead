import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Role } from '../roles';
import { USERNAME, USERNAME_RULE } from '../username';

export class LoginDto {
  /** The username, e.g. `admin`: the same pattern as when the user was created. */
  @IsString()
  @Matches(USERNAME, { message: `username must be ${USERNAME_RULE}` })
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

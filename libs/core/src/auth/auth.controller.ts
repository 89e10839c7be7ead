import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from './actor';
import { Allow, ANY_ROLE, Public } from './allow.decorator';
import { AuthService, sessionUser } from './auth.service';
import { LoginDto, RefreshDto, SessionUserDto, TokensDto } from './dto/auth.dto';
import { LogoutDto } from './dto/logout.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges a username and password for an access token (15 minutes) and a refresh token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Ip() address: string): Promise<TokensDto> {
    return this.auth.login(body.username, body.password, address);
  }

  /** Rotates the refresh token; reusing an old one revokes every token of its family. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Revokes the given refresh token's family, or every session of the caller when none is given. */
  @Allow(...ANY_ROLE)
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutDto): Promise<void> {
    await this.auth.logout(actor, body.refreshToken);
  }

  /** The caller. */
  @Allow(...ANY_ROLE)
  @Get('me')
  me(@CurrentActor() actor: Actor): SessionUserDto {
    return sessionUser(actor);
  }
}

import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentActor, type Actor } from './actor';
import { Allow, ANY_ROLE, Public } from './allow.decorator';
import { AuthService, sessionUser } from './auth.service';
import { LoginDto, RefreshDto, SessionUserDto, TokensDto } from './dto/auth.dto';
import { LogoutDto } from './dto/logout.dto';
import { DownloadTicketDto, DownloadTicketView } from './dto/download-ticket.dto';
import { DownloadTickets } from './download-ticket';
import { Unauthenticated } from '../errors/domain-errors';
import { clearRefreshCookie, refreshTokenOf, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tickets: DownloadTickets,
  ) {}

  /**
   * Exchanges a username and password for an access token (15 minutes) and a refresh token,
   * which also comes as an HttpOnly cookie scoped to /api/auth for the web app.
   */
  @Public()
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({ description: 'Five failed logins: try again in a minute' })
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Ip() address: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<TokensDto> {
    const tokens = await this.auth.login(body.username, body.password, address);
    setRefreshCookie(request, response, tokens.refreshToken);
    return tokens;
  }

  /**
   * Rotates the refresh token of the body, or of the cookie when the body has none; reusing an
   * old one revokes every token of its family.
   */
  @Public()
  @ApiUnauthorizedResponse({ description: 'No refresh token, or one expired, revoked or reused' })
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<TokensDto> {
    const token = refreshTokenOf(request, body.refreshToken);
    if (!token) throw new Unauthenticated('No refresh token: log in again');
    try {
      const tokens = await this.auth.refresh(token);
      setRefreshCookie(request, response, tokens.refreshToken);
      return tokens;
    } catch (error) {
      clearRefreshCookie(request, response);
      throw error;
    }
  }

  /**
   * Revokes the family of the refresh token given (in the body, else the cookie), or every
   * session of the caller when there is none; clears the cookie.
   */
  @Allow(...ANY_ROLE)
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: Actor,
    @Body() body: LogoutDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor, refreshTokenOf(request, body.refreshToken));
    clearRefreshCookie(request, response);
  }

  /** The caller. */
  @Allow(...ANY_ROLE)
  @Get('me')
  me(@CurrentActor() actor: Actor): SessionUserDto {
    return sessionUser(actor);
  }

  /**
   * A single-use ticket, valid 60 seconds, that opens one download address (an export route)
   * as the caller without a bearer header: the browser can then stream the file itself.
   */
  @Allow(...ANY_ROLE)
  @Post('download-ticket')
  @HttpCode(200)
  downloadTicket(
    @CurrentActor() actor: Actor,
    @Body() body: DownloadTicketDto,
  ): Promise<DownloadTicketView> {
    return this.tickets.issue(actor.id, body.path);
  }
}

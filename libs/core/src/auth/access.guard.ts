import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { THIDUA_DEFAULTS } from '@app/config';
import { Forbidden, Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { ActiveActors } from './active-actors';
import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import { ACCEPTS_TICKET_KEY, DownloadTickets, TICKET_PARAM } from './download-ticket';
import type { Role } from './roles';

interface AccessPayload {
  sub?: unknown;
  ver?: unknown;
  exp?: unknown;
}

const BEARER = /^Bearer\s+(\S+)$/i;
/** Tokens whose signature and claims were checked; a city has a few thousand sessions. */
const VERIFIED_TOKENS = 10_000;

/**
 * The one gate of every route: a valid bearer token (or, on a download route, a download
 * ticket), then a role named by @Allow on the route. A token is an HS256 access token, issuer
 * and audience checked, an expiry required, of a user still active and issued since the user's
 * last password, role or agency change. Scope (which agency) is checked by the service on the
 * record it reaches, before anything is written.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly tickets: DownloadTickets,
    private readonly actors: ActiveActors,
  ) {}

  /**
   * The claims of tokens already verified, by the token's exact text, until the token expires:
   * the same bytes under the same key verify the same way, and a page read repeats its token.
   * Whether the account may still use it is asked of ActiveActors on every request.
   */
  private readonly verified = new LRUCache<string, { sub: number; ver: number; exp: number }>({
    max: VERIFIED_TOKENS,
  });

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user: unknown }>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const ticket = this.reflector.getAllAndOverride<boolean>(ACCEPTS_TICKET_KEY, targets)
      ? query[TICKET_PARAM]
      : undefined;
    let actor: Omit<Actor, 'requestId'>;
    if (typeof ticket === 'string' && !request.headers.authorization) {
      actor = await this.actors.find(await this.tickets.redeem(ticket, request.originalUrl));
      // The route's query DTO knows no `ticket`: hide it.
      const { [TICKET_PARAM]: _spent, ...rest } = query;
      request.query = rest;
    } else {
      actor = await this.actorOfToken(request.headers.authorization);
    }
    request.user = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOW_KEY, targets) ?? [];
    if (!allowed.includes(actor.role))
      throw new Forbidden(`This action is not open to the role ${actor.role}`);
    return true;
  }

  private async actorOfToken(header: string | undefined): Promise<Omit<Actor, 'requestId'>> {
    const token = BEARER.exec(header ?? '')?.[1];
    if (!token) throw new Unauthenticated();
    let claims = this.verified.get(token);
    if (!claims || claims.exp * 1000 <= Date.now()) {
      this.verified.delete(token);
      claims = await this.verify(token);
      this.verified.set(token, claims);
    }
    return this.actors.find(claims.sub, claims.ver);
  }

  private async verify(token: string): Promise<{ sub: number; ver: number; exp: number }> {
    let payload: AccessPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessPayload & object>(token, {
        algorithms: ['HS256'],
        issuer: THIDUA_DEFAULTS.auth.issuer,
        audience: THIDUA_DEFAULTS.auth.audience,
      });
    } catch {
      throw new Unauthenticated();
    }
    // jsonwebtoken checks `exp` only when the token has one; a token without it would never end.
    if (typeof payload.exp !== 'number') throw new Unauthenticated('The token has no expiry');
    if (typeof payload.sub !== 'number' || typeof payload.ver !== 'number')
      throw new Unauthenticated('The account is unknown or disabled');
    return { sub: payload.sub, ver: payload.ver, exp: payload.exp };
  }
}

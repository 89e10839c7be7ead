import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { THIDUA_DEFAULTS } from '@app/config';
import { Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { ActiveActors } from './active-actors';

interface AccessPayload {
  sub?: unknown;
  ver?: unknown;
  exp?: unknown;
}

interface Claims {
  sub: number;
  ver: number;
  exp: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;
/** Tokens whose signature and claims were checked; a city has a few thousand sessions. */
const VERIFIED_TOKENS = 10_000;

/**
 * The actor of an `Authorization: Bearer` header: an HS256 access token, issuer and audience
 * checked, an expiry required, of a user still active and issued since the user's last password,
 * role or agency change. Used by the AccessGuard and by the answer replay, so that both ask the
 * same questions of every request.
 */
@Injectable()
export class BearerActors {
  /**
   * The claims of tokens already verified, by the token's exact text, until the token expires:
   * the same bytes under the same key verify the same way, and a page read repeats its token.
   * Whether the account may still use it is asked of ActiveActors on every request.
   */
  private readonly verified = new LRUCache<string, Claims>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly jwt: JwtService,
    private readonly actors: ActiveActors,
  ) {}

  /**
   * The actor of a header whose token was verified before and is not expired, of an account held
   * in memory, without waiting; undefined when that cannot be told at once (`actorOf` decides).
   */
  heldActorOf(header: string | undefined): Omit<Actor, 'requestId'> | undefined {
    const token = BEARER.exec(header ?? '')?.[1];
    const claims = token === undefined ? undefined : this.verified.get(token);
    if (!claims || claims.exp * 1000 <= Date.now()) return undefined;
    return this.actors.held(claims.sub, claims.ver);
  }

  async actorOf(header: string | undefined): Promise<Omit<Actor, 'requestId'>> {
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

  private async verify(token: string): Promise<Claims> {
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

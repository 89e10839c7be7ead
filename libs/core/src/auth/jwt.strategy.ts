import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Repository } from 'typeorm';
import { THIDUA_DEFAULTS } from '@app/config';
import { appConfig, AppConfig } from '../config/app-config';
import { resolveJwtSecret } from '../config/jwt-secret';
import { Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { activeActorOf } from './active-actor';
import { UserEntity } from './user.entity';

interface AccessPayload {
  sub?: unknown;
  ver?: unknown;
  exp?: unknown;
}

/**
 * Bearer access tokens: HS256 only, issuer and audience checked, an expiry required, the user
 * still active and the token issued since the user's last password, role or agency change.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(appConfig.KEY) config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public
      // key on every request, which costs about a millisecond of CPU each time.
      secretOrKey: createSecretKey(
        Buffer.from(resolveJwtSecret(config), 'utf8'),
      ) as unknown as string,
      algorithms: ['HS256'],
      issuer: THIDUA_DEFAULTS.auth.issuer,
      audience: THIDUA_DEFAULTS.auth.audience,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessPayload): Promise<Omit<Actor, 'requestId'>> {
    // jsonwebtoken checks `exp` only when the token has one; a token without it would never end.
    if (typeof payload.exp !== 'number') throw new Unauthenticated('The token has no expiry');
    if (typeof payload.sub !== 'number' || typeof payload.ver !== 'number')
      throw new Unauthenticated('The account is unknown or disabled');
    return activeActorOf(this.users, payload.sub, payload.ver);
  }
}

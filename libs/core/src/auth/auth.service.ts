import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { THIDUA_DEFAULTS } from '@app/config';
import { Transactions } from '../database/transactions';
import { RateLimited, Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { SessionUserDto, TokensDto } from './dto/auth.dto';
import { LoginAttempts } from './login-attempts';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

const { accessTokenSeconds, refreshTokenDays, issuer, audience } = THIDUA_DEFAULTS.auth;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionUser(
  user: Pick<UserEntity, 'id' | 'username' | 'role' | 'agencyId'>,
): SessionUserDto {
  return { id: user.id, username: user.username, role: user.role, agencyId: user.agencyId };
}

/** Login, refresh-token rotation with reuse detection, logout. */
@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
    private readonly transactions: Transactions,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async login(username: string, password: string): Promise<TokensDto> {
    if (this.attempts.isBlocked(username))
      throw new RateLimited('Too many failed logins; try again in a minute');
    const user = await this.users.findOneBy({ username: username.trim() });
    const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches || !user.active) {
      await this.attempts.recordFailure(username);
      throw new Unauthenticated('Wrong username or password');
    }
    return this.transactions.run((manager) =>
      this.issue(manager.getRepository(RefreshTokenEntity), user, randomUUID()),
    );
  }

  /** Rotates a refresh token; a token used twice revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const outcome = await this.transactions.run(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const stored = await tokens.findOneBy({ tokenHash: sha256(refreshToken) });
      if (!stored) return 'unknown' as const;
      const now = new Date();
      if (stored.usedAt || stored.revokedAt) {
        await tokens.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return 'reused' as const;
      }
      if (stored.expiresAt.getTime() <= now.getTime()) return 'expired' as const;
      const user = await manager.getRepository(UserEntity).findOneBy({ id: stored.userId });
      if (!user || !user.active) {
        await tokens.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return 'disabled' as const;
      }
      // Marking it used only if nobody else did keeps two racing refreshes from both winning.
      const marked = await tokens.update({ id: stored.id, usedAt: IsNull() }, { usedAt: now });
      if (!marked.affected) return 'reused' as const;
      return this.issue(tokens, user, stored.familyId);
    });
    if (typeof outcome === 'string')
      throw new Unauthenticated(`Refresh token rejected (${outcome})`);
    return outcome;
  }

  /** Revokes the family of the given refresh token (the caller's own only). */
  async logout(actor: Actor, refreshToken: string | undefined): Promise<void> {
    await this.transactions.run(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const now = new Date();
      if (refreshToken) {
        const stored = await tokens.findOneBy({
          tokenHash: sha256(refreshToken),
          userId: actor.id,
        });
        if (stored)
          await tokens.update(
            { familyId: stored.familyId, revokedAt: IsNull() },
            { revokedAt: now },
          );
        return;
      }
      await tokens.update({ userId: actor.id, revokedAt: IsNull() }, { revokedAt: now });
    });
  }

  private async issue(
    tokens: Repository<RefreshTokenEntity>,
    user: UserEntity,
    familyId: string,
  ): Promise<TokensDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await tokens.insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(now.getTime() + refreshTokenDays * 86_400_000),
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role, agencyId: user.agencyId },
      { algorithm: 'HS256', expiresIn: accessTokenSeconds, issuer, audience },
    );
    return { accessToken, refreshToken, expiresIn: accessTokenSeconds, user: sessionUser(user) };
  }
}

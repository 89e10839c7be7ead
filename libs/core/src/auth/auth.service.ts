import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { THIDUA_DEFAULTS } from '@app/config';
import { Transactions } from '../database/transactions';
import { Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { SessionUserDto, TokensDto } from './dto/auth.dto';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import { RefreshTokenEntity } from './refresh-token.entity';
import { LoginThrottle } from './throttle/login-throttle';
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
    private readonly throttle: LoginThrottle,
    private readonly transactions: Transactions,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /**
   * Signs in. The throttle counts the attempt before any hashing (429 when a limit is reached);
   * a failure keeps its count, a success hands it back.
   */
  async login(username: string, password: string, address?: string): Promise<TokensDto> {
    const reservation = await this.throttle.reserve(username, address);
    let user: UserEntity | null;
    try {
      user = await this.findByExactUsername(username);
      const matches = await verifyPassword(
        password,
        user?.passwordHash ?? (await dummyPasswordHash()),
      );
      if (!matches || !user?.active) user = null;
    } catch (error) {
      await this.throttle.release(reservation);
      throw error;
    }
    if (!user) throw new Unauthenticated('Wrong username or password');
    await this.throttle.release(reservation);
    if (needsRehash(user.passwordHash)) await this.rehash(user, password);
    const signedIn = user;
    return this.transactions.run((manager) =>
      this.issue(manager.getRepository(RefreshTokenEntity), signedIn, randomUUID()),
    );
  }

  /**
   * The user of exactly this name. MariaDB compares with the column's accent- and
   * case-insensitive collation (`HEAD.STC` finds `head.stc`); the unique key allows one such row
   * at most, and the byte-exact check here refuses it unless it is the name typed.
   */
  private async findByExactUsername(username: string): Promise<UserEntity | null> {
    const user = await this.users.findOneBy({ username });
    return user && user.username === username ? user : null;
  }

  /** Replaces a bcrypt (or older argon2) hash once the password is known to be right. */
  private async rehash(user: UserEntity, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    // Only if nobody changed the password meanwhile.
    await this.users.update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash });
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
      { sub: user.id, ver: user.tokenVersion, role: user.role, agencyId: user.agencyId },
      { algorithm: 'HS256', expiresIn: accessTokenSeconds, issuer, audience },
    );
    return { accessToken, refreshToken, expiresIn: accessTokenSeconds, user: sessionUser(user) };
  }
}

import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

/**
 * Ends every session of a user (disabled, password, role or agency changed) inside the caller's
 * transaction: the refresh tokens are revoked, and the raised token version refuses the access
 * tokens already issued at their next request.
 */
export async function revokeSessionsOf(manager: EntityManager, userId: number): Promise<void> {
  await manager
    .getRepository(RefreshTokenEntity)
    .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  await manager.getRepository(UserEntity).increment({ id: userId }, 'tokenVersion', 1);
}

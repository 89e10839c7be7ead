import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Ends every session of a user (disabled, or password changed) inside the caller's transaction. */
export async function revokeSessionsOf(manager: EntityManager, userId: number): Promise<void> {
  await manager
    .getRepository(RefreshTokenEntity)
    .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
}

import type { Repository } from 'typeorm';
import { Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import type { Role } from './roles';
import type { UserEntity } from './user.entity';

/**
 * The actor behind a token or a download ticket: one primary-key read per request, so a
 * disabled account is refused at once; plain SQL, as this runs on every request. With the
 * token's version, a token issued before the user's last password, role or agency change is
 * refused too.
 */
export async function activeActorOf(
  users: Repository<UserEntity>,
  userId: unknown,
  tokenVersion?: unknown,
): Promise<Omit<Actor, 'requestId'>> {
  if (typeof userId !== 'number') throw new Unauthenticated('The account is unknown or disabled');
  const [user] = (await users.query(
    'SELECT id, username, role, agency_id, active, token_version FROM users WHERE id = ?',
    [userId],
  )) as {
    id: number;
    username: string;
    role: Role;
    agency_id: number | null;
    active: number | boolean;
    token_version: number | string;
  }[];
  if (!user || !Number(user.active))
    throw new Unauthenticated('The account is unknown or disabled');
  if (tokenVersion !== undefined && Number(user.token_version) !== tokenVersion)
    throw new Unauthenticated('The session ended: the password or role changed');
  return {
    id: Number(user.id),
    username: user.username,
    role: user.role,
    agencyId: user.agency_id === null ? null : Number(user.agency_id),
  };
}

import type { Repository } from 'typeorm';
import { Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import type { Role } from './roles';
import type { UserEntity } from './user.entity';

/**
 * The actor behind a token: one primary-key read per request, so a disabled account is refused
 * at once; plain SQL, as this runs on every request.
 */
export async function activeActorOf(
  users: Repository<UserEntity>,
  userId: unknown,
): Promise<Omit<Actor, 'requestId'>> {
  if (typeof userId !== 'number') throw new Unauthenticated('The account is unknown or disabled');
  const [user] = (await users.query(
    'SELECT id, username, role, agency_id, active FROM users WHERE id = ?',
    [userId],
  )) as {
    id: number;
    username: string;
    role: Role;
    agency_id: number | null;
    active: number | boolean;
  }[];
  if (!user || !Number(user.active))
    throw new Unauthenticated('The account is unknown or disabled');
  return {
    id: Number(user.id),
    username: user.username,
    role: user.role,
    agencyId: user.agency_id === null ? null : Number(user.agency_id),
  };
}

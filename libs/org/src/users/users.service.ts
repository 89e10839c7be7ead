import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  ActiveActors,
  Actor,
  AGENCY_BOUND_ROLES,
  AuditWriter,
  Conflict,
  hashPassword,
  NotFound,
  Page,
  pageOf,
  revokeSessionsOf,
  Role,
  Transactions,
  UserEntity,
  ValidationFailed,
} from '@app/core';
import { AgencyEntity } from '../agencies/agency.entity';
import { CreateUserDto, UpdateUserDto, UserQueryDto, UserView } from './dto/user.dto';

export function userView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    agencyId: user.agencyId,
    active: user.active,
  };
}

/** Which agency a role may carry (SPEC §2). */
function checkRoleAgency(role: Role, agencyId: number | null): void {
  if (AGENCY_BOUND_ROLES.includes(role) && agencyId === null) {
    throw ValidationFailed.field('agencyId', `a ${role} belongs to one agency`);
  }
  if ((role === 'admin' || role === 'inspector') && agencyId !== null) {
    throw ValidationFailed.field('agencyId', `an ${role} works city-wide and has no agency`);
  }
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly actors: ActiveActors,
  ) {}

  async list(query: UserQueryDto): Promise<Page<UserView>> {
    const where = {
      ...(query.role ? { role: query.role } : {}),
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    };
    const [rows, total] = await this.users.findAndCount({
      where,
      order: { username: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return pageOf(rows.map(userView), total, query);
  }

  async get(id: number): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFound('User', id);
    return userView(user);
  }

  async create(actor: Actor, input: CreateUserDto): Promise<UserView> {
    const agencyId = input.agencyId ?? null;
    checkRoleAgency(input.role, agencyId);
    const passwordHash = await hashPassword(input.password);
    return this.transactions.run(async (manager) => {
      await this.requireAgency(manager, agencyId);
      const repository = manager.getRepository(UserEntity);
      if (await repository.existsBy({ username: input.username }))
        throw new Conflict(`Username ${input.username} is taken`);
      const now = new Date();
      const user = await repository.save(
        repository.create({
          username: input.username,
          passwordHash,
          role: input.role,
          agencyId,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'user',
        entityId: user.id,
        after: userView(user),
      });
      return userView(user);
    });
  }

  async update(actor: Actor, id: number, input: UpdateUserDto): Promise<UserView> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const updated = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      const user = await repository.findOneBy({ id });
      if (!user) throw new NotFound('User', id);
      const before = userView(user);
      const role = input.role ?? user.role;
      const agencyId = input.agencyId === undefined ? user.agencyId : input.agencyId;
      checkRoleAgency(role, agencyId);
      await this.requireAgency(manager, agencyId);
      if (id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
        throw new Conflict('You cannot disable or demote yourself');
      }
      Object.assign(user, { role, agencyId, updatedAt: new Date() });
      if (input.active !== undefined) user.active = input.active;
      if (passwordHash) user.passwordHash = passwordHash;
      await repository.save(user);
      // Whoever holds a token of the old password, role or agency keeps none of it.
      const rightsChanged = role !== before.role || agencyId !== before.agencyId;
      if (input.active === false || passwordHash || rightsChanged) {
        await revokeSessionsOf(manager, id);
      }
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'user',
        entityId: id,
        before,
        after: { ...userView(user), ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return userView(user);
    });
    // Committed: no instance may serve the account as it was (a disabled one is refused at once).
    this.actors.changed();
    return updated;
  }

  /** Creates the admin named by ADMIN_USERNAME when no user of that name exists. */
  async ensureAdmin(actor: Actor, username: string, password: string): Promise<boolean> {
    if (await this.users.existsBy({ username })) return false;
    await this.create(actor, { username, password, role: 'admin' });
    return true;
  }

  private async requireAgency(manager: EntityManager, agencyId: number | null): Promise<void> {
    if (agencyId === null) return;
    if (!(await manager.getRepository(AgencyEntity).existsBy({ id: agencyId }))) {
      throw ValidationFailed.field('agencyId', `agency ${agencyId} does not exist`);
    }
  }
}

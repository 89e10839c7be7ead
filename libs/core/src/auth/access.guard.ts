import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Forbidden, Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import type { Role } from './roles';

/**
 * The one gate of every route: a valid bearer token, then a role named by
 * @Allow on the route. Scope (which agency) is checked by the service on the
 * record it reaches, before anything is written.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    await super.canActivate(context);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOW_KEY, targets) ?? [];
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (!allowed.includes(actor.role))
      throw new Forbidden(`This action is not open to the role ${actor.role}`);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user)
      throw error instanceof Error && 'code' in error ? error : new Unauthenticated();
    return user;
  }
}

import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { Forbidden, Unauthenticated } from '../errors/domain-errors';
import type { Actor } from './actor';
import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import type { Role } from './roles';
import { activeActorOf } from './active-actor';
import { ACCEPTS_TICKET_KEY, DownloadTickets, TICKET_PARAM } from './download-ticket';
import { UserEntity } from './user.entity';

/**
 * The one gate of every route: a valid bearer token (or, on a download route, a download
 * ticket), then a role named by @Allow on the route. Scope (which agency) is checked by the service on the
 * record it reaches, before anything is written.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tickets: DownloadTickets,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user: unknown }>();
    const ticket = this.reflector.getAllAndOverride<boolean>(ACCEPTS_TICKET_KEY, targets)
      ? request.query[TICKET_PARAM]
      : undefined;
    if (typeof ticket === 'string' && !request.headers.authorization) {
      request.user = await activeActorOf(
        this.users,
        await this.tickets.redeem(ticket, request.originalUrl),
      );
      // The route's query DTO knows no `ticket`: hide it (Express 5 parses req.query anew on
      // every read, so an own property replaces the getter).
      const { [TICKET_PARAM]: _spent, ...query } = request.query;
      Object.defineProperty(request, 'query', { value: query, writable: true });
    } else {
      await super.canActivate(context);
    }
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

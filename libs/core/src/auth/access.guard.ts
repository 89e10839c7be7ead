import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../errors/domain-errors';
import type { Actor } from './actor';
import { ActiveActors } from './active-actors';
import { BearerActors } from './bearer-actors';
import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import { ACCEPTS_TICKET_KEY, DownloadTickets, TICKET_PARAM } from './download-ticket';
import type { Role } from './roles';

/**
 * The one gate of every route: a valid bearer token (or, on a download route, a download
 * ticket), then a role named by @Allow on the route. A token is an HS256 access token, issuer
 * and audience checked, an expiry required, of a user still active and issued since the user's
 * last password, role or agency change. Scope (which agency) is checked by the service on the
 * record it reaches, before anything is written.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tickets: DownloadTickets,
    private readonly actors: ActiveActors,
    private readonly bearer: BearerActors,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user: unknown }>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const ticket = this.reflector.getAllAndOverride<boolean>(ACCEPTS_TICKET_KEY, targets)
      ? query[TICKET_PARAM]
      : undefined;
    let actor: Omit<Actor, 'requestId'>;
    if (typeof ticket === 'string' && !request.headers.authorization) {
      actor = await this.actors.find(await this.tickets.redeem(ticket, request.originalUrl));
      // The route's query DTO knows no `ticket`: hide it.
      const { [TICKET_PARAM]: _spent, ...rest } = query;
      request.query = rest;
    } else {
      actor = await this.bearer.actorOf(request.headers.authorization);
    }
    request.user = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOW_KEY, targets) ?? [];
    if (!allowed.includes(actor.role))
      throw new Forbidden(`This action is not open to the role ${actor.role}`);
    return true;
  }
}

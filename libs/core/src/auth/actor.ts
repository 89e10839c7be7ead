import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';

/** Who is calling: the authenticated user and the request id for the audit log. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  agencyId: number | null;
  requestId: string | null;
}

/** The actor of the current request (set by the JWT strategy, request id by pino-http). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const request = context.switchToHttp().getRequest<{ user: Actor; id?: unknown }>();
    return { ...request.user, requestId: request.id === undefined ? null : String(request.id) };
  },
);

/** The actor for work that no person started: schedules, start-up, the CLI. */
export function systemActor(name: string): Actor {
  return { id: 0, username: name, role: 'admin', agencyId: null, requestId: null };
}

import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, type Role } from './roles';

export const ALLOW_KEY = 'thidua:allow';
export const PUBLIC_KEY = 'thidua:public';

/** Every role of SPEC §2. */
export const ANY_ROLE: readonly Role[] = ROLES;

/**
 * The roles that may call a route. A route without @Allow or @Public is
 * refused to everybody, so that forgetting it fails closed.
 */
export function Allow(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ALLOW_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );
}

/** A route open without a token: login, refresh, health. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

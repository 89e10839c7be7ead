import { Forbidden } from '../errors/domain-errors';
import type { Actor } from './actor';
import { CITY_WIDE_ROLES } from './roles';

/** True when the actor sees every agency: admin, inspector, and a nominator without an agency. */
export function isCityWide(actor: Actor): boolean {
  return CITY_WIDE_ROLES.includes(actor.role) || actor.agencyId === null;
}

/** Refuses a record of another agency before anything is read out or written. */
export function assertInScope(actor: Actor, agencyId: number | null | undefined): void {
  if (isCityWide(actor)) return;
  if (agencyId === null || agencyId === undefined || agencyId !== actor.agencyId) {
    throw new Forbidden('This record belongs to another agency');
  }
}

/**
 * The agency a list is limited to: what the caller asked for, checked against
 * its scope; an agency-bound caller that names no agency gets its own.
 */
export function agencyFilterFor(actor: Actor, requested: number | undefined): number | undefined {
  if (isCityWide(actor)) return requested;
  if (requested !== undefined && requested !== actor.agencyId) {
    throw new Forbidden('You may only read your own agency');
  }
  return actor.agencyId ?? undefined;
}

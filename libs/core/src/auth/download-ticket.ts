import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { THIDUA_DEFAULTS } from '@app/config';
import { Unauthenticated, ValidationFailed } from '../errors/domain-errors';
import { THROTTLE_STORE, type ThrottleStore } from './throttle/throttle-store';

/**
 * Download tickets: the web app keeps its access token in memory, so a plain link (which the
 * browser follows itself, streaming the file to disk at once) cannot carry it. The app asks for
 * a ticket bound to one address, then opens that address with `?ticket=`. A ticket is signed
 * like an access token but for another audience (neither is accepted as the other), lives
 * 60 seconds, and is spent by its first use, on any instance (its use is counted where the
 * sign-in counters live: the database, or Redis). Only routes marked @AcceptsTicket take one; the
 * route's roles and the service's scope checks apply to the ticket's user as to a bearer.
 */
export const TICKET_SECONDS = 60;
export const TICKET_AUDIENCE = 'thidua-download';
export const TICKET_PARAM = 'ticket';
export const ACCEPTS_TICKET_KEY = 'thidua:accepts-ticket';

/** Marks a download route that may be opened with `?ticket=` instead of a bearer header. */
export const AcceptsTicket = () => SetMetadata(ACCEPTS_TICKET_KEY, true);

const API_PATH = /^\/api\/[^?#\s]*(\?[^#\s]*)?$/;

/** The address a ticket is bound to: path and query, without the ticket itself. */
export function ticketPathOf(url: string): string {
  const parsed = new URL(url, 'http://ticket.invalid');
  parsed.searchParams.delete(TICKET_PARAM);
  return parsed.pathname + parsed.search;
}

/** A URL with its ticket masked, for the request log. */
export function withoutTicket(url: string): string {
  if (!url.includes('ticket=')) return url;
  return url.replace(/([?&]ticket=)[^&#]*/g, '$1[Redacted]');
}

interface TicketPayload {
  sub: number;
  path: string;
  jti: string;
  exp: number;
}

@Injectable()
export class DownloadTickets {
  constructor(
    private readonly jwt: JwtService,
    @Inject(THROTTLE_STORE) private readonly uses: ThrottleStore,
  ) {}

  async issue(userId: number, path: string): Promise<{ ticket: string; expiresIn: number }> {
    if (!API_PATH.test(path) || path.length > 2000)
      throw ValidationFailed.field('path', 'path must be an address under /api/');
    const payload: Omit<TicketPayload, 'sub' | 'exp'> = {
      path: ticketPathOf(path),
      jti: randomUUID(),
    };
    const ticket = await this.jwt.signAsync(
      { ...payload, sub: userId },
      {
        algorithm: 'HS256',
        expiresIn: TICKET_SECONDS,
        issuer: THIDUA_DEFAULTS.auth.issuer,
        audience: TICKET_AUDIENCE,
      },
    );
    return { ticket, expiresIn: TICKET_SECONDS };
  }

  /** The user id of a valid, unspent ticket for this address; spends it. */
  async redeem(ticket: string, url: string): Promise<number> {
    let payload: TicketPayload;
    try {
      payload = await this.jwt.verifyAsync<TicketPayload>(ticket, {
        algorithms: ['HS256'],
        issuer: THIDUA_DEFAULTS.auth.issuer,
        audience: TICKET_AUDIENCE,
      });
    } catch {
      throw new Unauthenticated('The download ticket is invalid or expired');
    }
    if (payload.path !== ticketPathOf(url))
      throw new Unauthenticated('The download ticket is for another address');
    if (typeof payload.jti !== 'string')
      throw new Unauthenticated('The download ticket was already used');
    // Kept a little past the ticket's own expiry, after which the signature check refuses it.
    const [uses] = await this.uses.hit([
      { key: `ticket:${payload.jti}`, expiresAt: (payload.exp + 5) * 1000 },
    ]);
    if (uses > 1) throw new Unauthenticated('The download ticket was already used');
    return payload.sub;
  }
}

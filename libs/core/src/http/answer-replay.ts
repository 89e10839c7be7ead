import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import fresh from 'fresh';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { LRUCache } from 'lru-cache';
import type { Actor } from '../auth/actor';
import { BearerActors } from '../auth/bearer-actors';

/**
 * What an answer of a replayable route depends on besides the caller's role and agency and the
 * URL, as a string read from memory (versions, generations): the answer is replayed only while
 * the stamp is the same as when the route began to compute it.
 */
export type ReplayStamp = (query: Record<string, unknown>) => string;

/** A request answered by the replay, for the request log. */
export interface ReplayedAnswer {
  id: string;
  statusCode: number;
  /** Names and values in turn. */
  headers: string[];
  startedAt: number;
}

/** What the replay needs of the server it answers for. */
export interface ReplaySettings {
  /** The API's prefix, without slashes. */
  prefix: string;
  /** The id of a request, as the server gives it (X-Request-Id). */
  requestIdOf(request: IncomingMessage): string;
  /** Logs an answered request as the server's request log does, when it logs at that level. */
  logAnswered(request: IncomingMessage, answer: ReplayedAnswer): void;
}

/** Bytes of answers held (bodies and headers); the answers of hot reads are a few KB each. */
const REPLAY_BYTES = 8 * 1024 * 1024;
/**
 * The longest an answer is replayed, whatever its stamp: the bound on what a stamp cannot see
 * at once (a change another instance made, which this one hears of only by polling).
 */
export const REPLAY_FOR_MS = 1000;

/** Headers of an answer that belong to its own request or connection, never replayed. */
const OWN_HEADERS = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

interface HeldAnswer {
  stamp: string;
  etag: string | undefined;
  /** Names and values in turn, as Node's writeHead takes them; for a 304, without the type. */
  headers: string[];
  notModifiedHeaders: string[];
  body: Buffer;
  length: string;
}

interface Capture {
  url: string;
  stamp: string;
}

const keyOf = (actor: Pick<Actor, 'role' | 'agencyId'>, url: string) =>
  `${actor.role}|${actor.agencyId ?? ''}|${url}`;

/**
 * Replays hot reads before the framework. A GET of a registered route, with a bearer token
 * verified before of an account held active (the AccessGuard's own checks and caches: a
 * disabled account is refused from its next request), gets the 200 answer, byte for byte with
 * its headers, that the full pipeline gave a caller of the same role and agency for the same URL,
 * while the route's stamp is unchanged and for at most REPLAY_FOR_MS; and 304 when the caller's
 * copy is that answer. Anything else (no answer held, another method, an error, a token or
 * account not held) goes through the full pipeline, which decides and answers as always: roles
 * and scope are declared once, on the route, and the replay only repeats their decisions. So a
 * registered route's answer must depend on nothing but the caller's role and agency, the URL and
 * what its stamp names.
 */
@Injectable()
export class AnswerReplay implements OnApplicationShutdown {
  private readonly routes = new Map<string, ReplayStamp>();
  private readonly answers = new LRUCache<string, HeldAnswer>({
    maxSize: REPLAY_BYTES,
    sizeCalculation: (held) => held.body.length + 512,
    ttl: REPLAY_FOR_MS,
  });
  /** The keys and stamps of requests the pipeline answers, for their answers to be held. */
  private readonly captures = new WeakMap<IncomingMessage, Capture>();
  private settings: ReplaySettings | null = null;
  /** `/` and the API's prefix, the start of every registered route's path. */
  private prefix = '';
  private closing = false;

  constructor(private readonly bearer: BearerActors) {}

  /** Makes GETs of `path` (without the API prefix) replayable under `stamp`. */
  register(path: string, stamp: ReplayStamp): void {
    this.routes.set(path, stamp);
  }

  /** Holds the answers of registered routes (a hook of the app's Fastify instance). */
  attach(fastify: FastifyInstance, settings: ReplaySettings): void {
    this.settings = settings;
    this.prefix = `/${settings.prefix}`;
    fastify.addHook('onSend', (request, reply, payload) => {
      const capture = this.captures.get(request.raw);
      // The actor the pipeline authorized (the AccessGuard's): its answer is for its role and agency.
      const actor = (request as { user?: Pick<Actor, 'role' | 'agencyId'> }).user;
      if (
        capture &&
        actor &&
        reply.statusCode === 200 &&
        (typeof payload === 'string' || Buffer.isBuffer(payload)) &&
        !reply.hasHeader('set-cookie')
      )
        this.hold(keyOf(actor, capture.url), capture.stamp, reply.getHeaders(), payload);
      return Promise.resolve(payload);
    });
  }

  /**
   * Answers the request from a held answer, at once; false when the pipeline must answer it.
   * Called by the HTTP server before the framework sees the request.
   */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const settings = this.settings;
    if (!settings || this.closing || request.method !== 'GET') return false;
    const url = request.url ?? '';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    if (!path.startsWith(this.prefix)) return false;
    const stampOf = this.routes.get(path.slice(this.prefix.length));
    if (!stampOf) return false;
    const stamp = stampOf(parseQueryString(queryAt < 0 ? '' : url.slice(queryAt + 1)));
    const actor = this.bearer.heldActorOf(request.headers.authorization);
    const held = actor && this.answers.get(keyOf(actor, url));
    if (held?.stamp !== stamp) {
      // Taken before the route runs: a change while it runs leaves its answer stale at once.
      this.captures.set(request, { url, stamp });
      return false;
    }
    const startedAt = Date.now();
    const id = settings.requestIdOf(request);
    // Headers as a flat list, in one writeHead: Node then checks and writes each once, where a
    // header object set one by one costs about a third of the answer's time.
    const notModified = fresh(request.headers, { etag: held.etag });
    const headers = notModified
      ? [...held.notModifiedHeaders, 'x-request-id', id]
      : [...held.headers, 'x-request-id', id, 'content-length', held.length];
    response.writeHead(notModified ? 304 : 200, headers);
    response.end(notModified ? undefined : held.body);
    settings.logAnswered(request, { id, statusCode: response.statusCode, headers, startedAt });
    return true;
  }

  onApplicationShutdown(): void {
    this.closing = true;
    this.answers.clear();
  }

  private hold(
    key: string,
    stamp: string,
    replyHeaders: Record<string, number | string | string[] | undefined>,
    payload: string | Buffer,
  ): void {
    const headers: string[] = [];
    const notModifiedHeaders: string[] = [];
    let etag: string | undefined;
    for (const [name, value] of Object.entries(replyHeaders)) {
      const lower = name.toLowerCase();
      if (value === undefined || OWN_HEADERS.has(lower)) continue;
      for (const one of Array.isArray(value) ? value : [String(value)]) {
        headers.push(lower, one);
        if (lower !== 'content-type') notModifiedHeaders.push(lower, one);
        if (lower === 'etag') etag = one;
      }
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    this.answers.set(key, {
      stamp,
      etag,
      headers,
      notModifiedHeaders,
      body,
      length: String(body.length),
    });
  }
}

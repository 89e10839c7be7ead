import { performance } from 'node:perf_hooks';
import { STATUS_OF } from '@app/core';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';
import { seededRandom } from '../support/fuzz/hostile-values';
import { Operation, operationsOf } from '../support/fuzz/route-catalog';
import { FuzzRequest, KnownIds, RequestBuilder } from '../support/fuzz/request-builder';

/**
 * A generated fuzz of every route of the app's own OpenAPI document (issue 10, item 7): hostile
 * bodies, query strings and path ids, as an administrator and as an agency's HR officer (so that
 * scoped routes get past the guard). Every answer must be below 500, every 4xx must have the
 * SPEC's shape, and the API must still answer its health check promptly after each route.
 *
 * Reproduce a failure with FUZZ_SEED=<the seed printed in the failure>; hunt longer with FUZZ_ROUNDS; cases per route are
 * bounded so the file stays well under a minute on SQLite on an idle machine.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Rounds of cases per route (about 12 s of fuzz on an idle machine); FUZZ_ROUNDS=20 hunts longer. */
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 3);
const WHOLE_BODY_CASES = 2;
const PATH_CASES_PER_PARAM = 2;
/**
 * The issue's bound. We take the fastest of three tries: on a shared CI machine one request can
 * wait behind another process for tens of ms, but a blocked event loop (a parse, a hash, a
 * runaway transform) delays all three, which is what this check is for.
 */
const HEALTH_BOUND_MS = 100;
/** No runaway error answer (the 16 MB one of issue 10): a thousand bounded details at most. */
const MAX_ERROR_BYTES = 400_000;

interface Failure {
  actor: string;
  request: FuzzRequest;
  status: number;
  problem: string;
  answer: string;
}

function errorShapeProblem(status: number, body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not a JSON object';
  const keys = Object.keys(body);
  const extra = keys.filter((key) => !['statusCode', 'code', 'message', 'details'].includes(key));
  if (extra.length) return `unexpected keys ${extra.join(', ')}`;
  const { statusCode, code, message } = body as Record<string, unknown>;
  if (statusCode !== status) return `statusCode ${String(statusCode)} on a ${status}`;
  if (typeof code !== 'string' || STATUS_OF[code as keyof typeof STATUS_OF] !== status)
    return `code ${String(code)} is not a SPEC code for ${status}`;
  if (typeof message !== 'string' || !message) return 'no message';
  return null;
}

describe('Hostile input on every route (generated from the OpenAPI document)', () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[];
  const ids: KnownIds = {};
  const collectionIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    const docs = await t.http().get('/api/docs-json');
    operations = operationsOf(t.app, docs.body);
    // A user of its own for /users/{id}: the fuzz may rename or disable it, never the callers.
    const victim = await t
      .http()
      .post('/api/users')
      .set('Authorization', world.tokens.admin)
      .send({ username: 'fuzz.victim', password: TEST_PASSWORD, role: 'inspector' });
    expect(victim.status).toBe(201);
    Object.assign(ids, {
      agencyId: world.agencyA.id,
      unitId: world.unitA.id,
      personId: world.personA.id,
    });
    collectionIds.set('agencies', String(world.agencyA.id));
    collectionIds.set('people', String(world.personA.id));
    collectionIds.set('users', String(victim.body.id));
    // Other collections: the first real record the list shows, if any.
    for (const operation of operations) {
      const collection = operation.path.split('/')[1];
      if (collectionIds.has(collection) || !operation.path.includes('{')) continue;
      const list = await t
        .http()
        .get(`/api/${collection}`)
        .set('Authorization', world.tokens.admin);
      const first = list.body?.items?.[0];
      collectionIds.set(collection, String(first?.id ?? first?.key ?? 1));
    }
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  function realPathValue(operation: Operation, param: string): string {
    if (param === 'agencyId') return String(world.agencyA.id);
    if (param === 'unitId') return String(world.unitA.id);
    if (param === 'key') return collectionIds.get('periods') ?? '2026-Q1';
    if (param === 'id') return collectionIds.get(operation.path.split('/')[1]) ?? '1';
    return '1';
  }

  async function send(request: FuzzRequest, token: string) {
    let call = t.http()[request.method](request.url).set('Authorization', token);
    if (request.body !== undefined)
      call = call.set('Content-Type', 'application/json').send(request.body);
    return call;
  }

  async function fastestHealth(): Promise<{ status: number; ms: number }> {
    let best = { status: 0, ms: Infinity };
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const response = await t.http().get('/api/health');
      const ms = performance.now() - started;
      if (ms < best.ms) best = { status: response.status, ms };
    }
    return best;
  }

  it('the document lists the routes the fuzz must cover', () => {
    expect(operations.length).toBeGreaterThanOrEqual(60);
    const listed = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(listed).toEqual(
      expect.arrayContaining(['PATCH /evaluations/{id}', 'GET /people', 'POST /people/import']),
    );
    // The DTO fields were found: a body route with no known field would only ever get `{}`.
    const createPerson = operations.find((o) => o.method === 'post' && o.path === '/people');
    expect(createPerson?.bodyFields?.map((f) => f.name)).toEqual(
      expect.arrayContaining(['employeeCode', 'fullName', 'agencyId']),
    );
  });

  it("answers a URL over Node's header limit in the SPEC shape, not with an empty 431", async () => {
    const response = await t
      .http()
      .get(`/api/people?q=${'x'.repeat(20_000)}`)
      .set('Authorization', world.tokens.admin);
    expect(response.status).toBe(431);
    expect(response.body).toEqual({
      statusCode: 431,
      code: 'HEADERS_TOO_LARGE',
      message: 'The request line or headers are too large',
    });
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  describe('what the fuzz found, replayed', () => {
    it('refuses null for a required field of a PATCH with a 400, and stores nothing', async () => {
      const patch = await t
        .http()
        .patch(`/api/people/${world.personA.id}`)
        .set('Authorization', world.tokens.hrA)
        .send({ fullName: null });
      expect(patch.status).toBe(400);
      expect(patch.body.code).toBe('VALIDATION_FAILED');
      const unit = await t
        .http()
        .patch(`/api/agencies/${world.agencyA.id}/units/${world.unitA.id}`)
        .set('Authorization', world.tokens.admin)
        .send({ active: null });
      expect(unit.status).toBe(400);
      const person = await t
        .http()
        .get(`/api/people/${world.personA.id}`)
        .set('Authorization', world.tokens.admin);
      expect(person.body.fullName).toBe('Nguyễn Thị Hoà');
    });

    it('refuses a null parent for a new unit with a 400 (it was a 500)', async () => {
      const response = await t
        .http()
        .post(`/api/agencies/${world.agencyA.id}/units`)
        .set('Authorization', world.tokens.hrA)
        .send({ code: 'NULLPARENT', name: 'Thử', parentId: null });
      expect(response.status).toBe(400);
      expect(response.body.details).toContainEqual(expect.objectContaining({ field: 'parentId' }));
    });

    it('answers a refused download as JSON, not as the file it would have sent', async () => {
      const response = await t
        .http()
        .get('/api/evaluations/import-template?period=9999-Q1')
        .set('Authorization', world.tokens.hrA);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(errorShapeProblem(response.status, response.body)).toBeNull();
    });

    it('says each distinct validation problem once, however many items repeat it', async () => {
      const response = await t
        .http()
        .post('/api/criteria-sets')
        .set('Authorization', world.tokens.admin)
        .send({ code: 'FUZZ', name: 'Thử', target: 'person', criteria: Array(2000).fill(1) });
      expect(response.status).toBe(400);
      expect(response.body.message.length).toBeLessThan(1_000);
      const sentences = response.body.message.split('; ');
      expect(new Set(sentences).size).toBe(sentences.length);
    });
  });

  it(
    'answers every hostile request below 500, in the SPEC error shape, and stays responsive',
    async () => {
      const random = seededRandom(SEED);
      const builder = new RequestBuilder(random, ids, realPathValue);
      const failures: Failure[] = [];
      const actors = { admin: world.tokens.admin, hr_officer: world.tokens.hrA };
      let sent = 0;
      for (const operation of operations) {
        const route = `${operation.method.toUpperCase()} ${operation.path}`;
        for (const [actor, token] of Object.entries(actors)) {
          const cases = Array.from({ length: ROUNDS }, () => [
            ...builder.bodyCases(operation, WHOLE_BODY_CASES),
            ...builder.queryCases(operation),
            ...builder.pathCases(operation, PATH_CASES_PER_PARAM),
          ]).flat();
          // Multipart uploads cannot be fuzzed as JSON (their hostile files have their own tests);
          // what a JSON body there must get is a 4xx, never a 2xx or a 500.
          if (operation.multipart)
            cases.push({ method: operation.method, url: `/api${operation.path}`, body: '{}' });
          for (const request of cases) {
            const response = await send(request, token);
            sent++;
            const answer = (response.text ?? '').slice(0, 300);
            const fail = (problem: string) =>
              failures.push({ actor, request, status: response.status, problem, answer });
            if (response.status >= 500) fail('5xx');
            else if (response.status >= 400) {
              const problem = errorShapeProblem(response.status, response.body);
              if (problem) fail(`error shape: ${problem}`);
              if ((response.text ?? '').length > MAX_ERROR_BYTES) fail('error answer too large');
            } else if (operation.multipart && request.body === '{}')
              fail('JSON accepted by an upload');
          }
        }
        const health = await fastestHealth();
        if (health.status !== 200 || health.ms > HEALTH_BOUND_MS)
          failures.push({
            actor: '-',
            request: { method: 'get', url: `/api/health after ${route}` },
            status: health.status,
            problem: `health ${health.status} in ${health.ms.toFixed(0)} ms`,
            answer: '',
          });
      }
      const report = failures.map(
        (f) =>
          `${f.problem} [${f.actor}] ${f.request.method.toUpperCase()} ${f.request.url.slice(0, 300)}` +
          `${f.request.body !== undefined ? ` body=${f.request.body.slice(0, 300)}` : ''} -> ${f.status} ${f.answer}`,
      );
      expect({ seed: SEED, failures: report }).toEqual({ seed: SEED, failures: [] });
      expect(sent).toBeGreaterThan(operations.length * 10);
      // Still the same API afterwards: the callers' sessions and the prototypes are intact.
      expect(
        (await t.http().get('/api/auth/me').set('Authorization', world.tokens.admin)).status,
      ).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    300_000 * ROUNDS,
  );
});

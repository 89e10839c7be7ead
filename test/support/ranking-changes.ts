import type { TestApp } from './test-app';

// A seeded random walk of the changes that move rankings (approvals, returns, reopenings,
// incidents added and removed), applied through the API of one or more app instances.

let sequence = 0;
const unique = (prefix: string) =>
  `${prefix}${process.pid.toString(36)}${(++sequence).toString(36)}`.toUpperCase();

/** A set whose total is S + 10 − 2 × incidents (S from 0 to 90): incidents move totals. */
export async function publishIncidentSet(call: Call, target: 'person' | 'agency') {
  const set = await call('post', '/api/criteria-sets', {
    code: unique('RC'),
    name: 'Bộ tiêu chí kiểm tra xếp hạng',
    target,
    thresholds: { A: 90, B: 75, C: 50 },
    criteria: [
      { code: 'S', name: 'Điểm', kind: 'score', maxPoints: 90 },
      {
        code: 'I',
        name: 'Vi phạm',
        kind: 'count',
        maxPoints: 10,
        penaltyPerUnit: 2,
        fromIncidents: true,
      },
    ],
  });
  await call('post', `/api/criteria-sets/${set.id}/publish`);
}

export type Call = (
  method: 'post' | 'get' | 'patch' | 'delete',
  path: string,
  body?: object,
) => Promise<any>;

/** An admin's JSON client of one instance: any status ≥ 300 throws. */
export function clientOf(t: TestApp, token: string): Call {
  return async (method, path, body = {}) => {
    const request = t.http()[method](path).set('Authorization', token);
    const response =
      method === 'get' || method === 'delete' ? await request : await request.send(body);
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
}

export interface Subject {
  subjectType: 'person' | 'agency';
  subjectId: number;
}

interface Evaluation {
  id: number;
  status: string;
  version: number;
}

/** Applies `steps` seeded random changes over the subjects and periods, alternating clients. */
export async function randomChanges(
  clients: Call[],
  subjects: Subject[],
  periods: string[],
  steps: number,
  seed: number,
  /** Called after each step (the tests read rankings between changes). */
  afterStep: (step: number) => Promise<void> = async () => undefined,
): Promise<{ counts: Record<string, number> }> {
  let state = seed;
  const random = (n: number) => {
    state = (state * 16807) % 2147483647;
    return state % n;
  };
  const scores = [50, 60, 70, 70, 75, 80, 80, 85, 90, 90];
  const evaluations = new Map<string, Evaluation>();
  const incidents = new Map<string, number[]>();
  const counts: Record<string, number> = {};
  const day = (period: string) =>
    `${period.slice(0, 4)}-${String(Number(period[6]) * 3 - 1).padStart(2, '0')}-1${random(9)}`;
  for (let step = 0; step < steps; step++) {
    if (step > 0) await afterStep(step - 1);
    const call = clients[step % clients.length];
    const subject = subjects[random(subjects.length)];
    const period = periods[random(periods.length)];
    const key = `${subject.subjectType}|${subject.subjectId}|${period}`;
    const evaluation = evaluations.get(key);
    const done = (what: string, body: Evaluation) => {
      counts[what] = (counts[what] ?? 0) + 1;
      evaluations.set(key, { id: body.id, status: body.status, version: body.version });
    };
    const incidentsOf = incidents.get(key) ?? [];
    if (random(4) === 0) {
      if (incidentsOf.length > 0 && random(2) === 0) {
        const id = incidentsOf.splice(random(incidentsOf.length), 1)[0];
        await call('delete', `/api/incidents/${id}`);
        counts.incidentRemoved = (counts.incidentRemoved ?? 0) + 1;
      } else {
        const incident = await call('post', '/api/incidents', {
          ...subject,
          criterionCode: 'I',
          occurredOn: day(period),
        });
        incidents.set(key, [...incidentsOf, incident.id]);
        counts.incidentAdded = (counts.incidentAdded ?? 0) + 1;
      }
      continue;
    }
    const values = { S: scores[random(scores.length)] };
    if (!evaluation) {
      const created = await call('post', '/api/evaluations', { ...subject, period, values });
      await call('post', `/api/evaluations/${created.id}/submit`);
      done('approve', await call('post', `/api/evaluations/${created.id}/approve`));
    } else if (evaluation.status === 'approved') {
      done(
        'reopen',
        await call('post', `/api/evaluations/${evaluation.id}/reopen`, { reason: 'Kiểm tra lại' }),
      );
    } else if (evaluation.status === 'returned') {
      // Incidents recount (and version) an evaluation: edit the version read now.
      const current = await call('get', `/api/evaluations/${evaluation.id}`);
      const edited = await call('patch', `/api/evaluations/${evaluation.id}`, {
        version: current.version,
        values,
      });
      done('submit', await call('post', `/api/evaluations/${edited.id}/submit`));
    } else if (random(3) === 0) {
      done(
        'return',
        await call('post', `/api/evaluations/${evaluation.id}/return`, { reason: 'Bổ sung' }),
      );
    } else {
      done('approve', await call('post', `/api/evaluations/${evaluation.id}/approve`));
    }
  }
  if (steps > 0) await afterStep(steps - 1);
  return { counts };
}

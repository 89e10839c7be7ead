import type { TestApp } from './test-app';
import type { World, WorldUser } from './world';

/** The worked example of SPEC §4 (thresholds 90/75/50). */
export function workedExampleSet(code: string, target: 'person' | 'agency' = 'person') {
  return {
    code,
    name: 'Bộ tiêu chí ví dụ: Quy tắc ứng xử',
    target,
    thresholds: { A: 90, B: 75, C: 50 },
    criteria: [
      {
        code: 'A1',
        name: 'Đeo thẻ công chức',
        group: 'Văn hóa công sở',
        kind: 'boolean',
        maxPoints: 10,
      },
      {
        code: 'A2',
        name: 'Tỷ lệ hồ sơ đúng hạn',
        group: 'Cải cách hành chính',
        kind: 'percentage',
        maxPoints: 20,
        target: 80,
      },
      {
        code: 'A3',
        name: 'Hút thuốc lá tại công sở',
        group: 'Văn hóa công sở',
        kind: 'count',
        maxPoints: 15,
        penaltyPerUnit: 5,
        fromIncidents: true,
        disqualifying: true,
      },
      { code: 'A4', name: 'Thực hiện nhiệm vụ', kind: 'score', maxPoints: 55 },
      {
        code: 'B1',
        name: 'Sáng kiến',
        group: 'Điểm thưởng',
        kind: 'score',
        maxPoints: 5,
        bonus: true,
      },
    ],
  };
}

/** Values of the worked example, A3 left to the incidents. */
export const WORKED_EXAMPLE_VALUES = { A1: true, A2: 60, A4: 50, B1: 3 };

/** Creates and publishes a criteria set as admin; returns its id. */
export async function publishSet(t: TestApp, admin: string, body: object): Promise<number> {
  const created = await t.http().post('/api/criteria-sets').set('Authorization', admin).send(body);
  if (created.status !== 201) throw new Error(`create set: ${JSON.stringify(created.body)}`);
  const published = await t
    .http()
    .post(`/api/criteria-sets/${created.body.id}/publish`)
    .set('Authorization', admin)
    .send({});
  if (published.status !== 200) throw new Error(`publish set: ${JSON.stringify(published.body)}`);
  return created.body.id as number;
}

/** A caller bound to a token: `call.post('/api/x', body)` returns the supertest response. */
export function caller(t: TestApp, token: string) {
  return {
    get: (path: string) => t.http().get(path).set('Authorization', token),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('Authorization', token).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', token).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', token),
  };
}

export type Caller = ReturnType<typeof caller>;

/** A caller for every user of the world, by name. */
export function callersOf(t: TestApp, w: World): Record<WorldUser, Caller> {
  return Object.fromEntries(
    Object.entries(w.tokens).map(([user, token]) => [user, caller(t, token)]),
  ) as Record<WorldUser, Caller>;
}

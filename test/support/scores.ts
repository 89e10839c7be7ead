import type { TestApp } from './test-app';

// Builders for ranking and roll-up tests: a criteria set whose total equals the value of its one
// score criterion, people, and approved evaluations, through the API as users would make them.

let sequence = 0;
const unique = (prefix: string) =>
  `${prefix}${process.pid.toString(36)}${(++sequence).toString(36)}`.toUpperCase();

export class Scores {
  constructor(
    private readonly t: TestApp,
    private readonly admin: string,
  ) {}

  async call(method: 'post' | 'get', path: string, body: object = {}, token = this.admin) {
    const request = this.t.http()[method](path).set('Authorization', token);
    const response = method === 'post' ? await request.send(body) : await request;
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A published set of one `score` criterion out of 100: the total is the value sent. */
  async publishSet(target: 'person' | 'agency', thresholds = { A: 90, B: 75, C: 50 }) {
    const set = await this.call('post', '/api/criteria-sets', {
      code: unique('RS'),
      name: 'Bộ tiêu chí xếp hạng',
      target,
      thresholds,
      criteria: [{ code: 'S', name: 'Điểm', kind: 'score', maxPoints: 100 }],
    });
    await this.call('post', `/api/criteria-sets/${set.id}/publish`);
    return set as { id: number };
  }

  async agency(name: string): Promise<number> {
    return (await this.call('post', '/api/agencies', { code: unique('AG'), name })).id;
  }

  async unit(agencyId: number, name: string): Promise<number> {
    return (await this.call('post', `/api/agencies/${agencyId}/units`, { code: unique('U'), name }))
      .id;
  }

  async person(
    fullName: string,
    agencyId: number,
    unitId?: number,
    category = 'civil_servant',
  ): Promise<number> {
    const body = { employeeCode: unique('P'), fullName, category, agencyId, unitId };
    return (await this.call('post', '/api/people', body)).id;
  }

  /** An approved evaluation with total `score` (and `disqualified` through a returned reopen: no). */
  async approved(
    subjectType: 'person' | 'agency',
    subjectId: number,
    period: string,
    score: number,
  ): Promise<number> {
    const evaluation = await this.call('post', '/api/evaluations', {
      subjectType,
      subjectId,
      period,
      values: { S: score },
    });
    await this.call('post', `/api/evaluations/${evaluation.id}/submit`);
    await this.call('post', `/api/evaluations/${evaluation.id}/approve`);
    return evaluation.id;
  }

  async ranking(query: string, token = this.admin) {
    return this.call('get', `/api/rankings?${query}`, {}, token);
  }
}

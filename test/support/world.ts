import type { TestApp } from './test-app';
import { TEST_PASSWORD } from './test-app';

/** Two agencies, a unit each, and a user of every role in agency A (and city-wide ones). */
export interface World {
  agencyA: { id: number; code: string };
  agencyB: { id: number; code: string };
  unitA: { id: number };
  unitB: { id: number };
  personA: { id: number };
  personB: { id: number };
  tokens: Record<WorldUser, string>;
}

export type WorldUser =
  'admin' | 'hrA' | 'headA' | 'nominatorA' | 'nominatorCity' | 'inspector' | 'hrB' | 'headB';

let sequence = 0;

function unique(prefix: string): string {
  return `${prefix}${process.pid.toString(36)}${(++sequence).toString(36)}`.toUpperCase();
}

/** Builds through the API, as an admin would. */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await t.login('root.admin');
  const post = async (path: string, body: object, token = admin) => {
    const response = await t.http().post(path).set('Authorization', token).send(body);
    if (response.status !== 201)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const agencyA = await post('/api/agencies', { code: unique('A'), name: 'Sở Tài chính thử' });
  const agencyB = await post('/api/agencies', { code: unique('B'), name: 'Sở Nội vụ thử' });
  const unitA = await post(`/api/agencies/${agencyA.id}/units`, {
    code: 'MOTCUA',
    name: 'Bộ phận một cửa',
  });
  const unitB = await post(`/api/agencies/${agencyB.id}/units`, { code: 'VP', name: 'Văn phòng' });
  const personA = await post('/api/people', {
    employeeCode: unique('PA'),
    fullName: 'Nguyễn Thị Hoà',
    category: 'civil_servant',
    agencyId: agencyA.id,
    unitId: unitA.id,
  });
  const personB = await post('/api/people', {
    employeeCode: unique('PB'),
    fullName: 'Trần Văn Bình',
    category: 'public_employee',
    agencyId: agencyB.id,
    unitId: unitB.id,
  });
  const users: Record<Exclude<WorldUser, 'admin'>, { role: string; agencyId?: number }> = {
    hrA: { role: 'hr_officer', agencyId: agencyA.id },
    headA: { role: 'department_head', agencyId: agencyA.id },
    nominatorA: { role: 'nominator', agencyId: agencyA.id },
    nominatorCity: { role: 'nominator' },
    inspector: { role: 'inspector' },
    hrB: { role: 'hr_officer', agencyId: agencyB.id },
    headB: { role: 'department_head', agencyId: agencyB.id },
  };
  const tokens = { admin } as Record<WorldUser, string>;
  for (const [name, user] of Object.entries(users)) {
    const username = unique(name).toLowerCase();
    await post('/api/users', { username, password: TEST_PASSWORD, ...user });
    tokens[name as WorldUser] = await t.login(username);
  }
  return { agencyA, agencyB, unitA, unitB, personA, personB, tokens };
}

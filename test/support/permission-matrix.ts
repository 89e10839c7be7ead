import type { TestApp } from './test-app';
import type { World, WorldUser } from './world';

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** One route of the permission matrix: who gets which status, and what must stay unchanged after a refusal. */
export interface RouteCase {
  name: string;
  method: Method;
  path: (w: World) => string;
  body?: (w: World, call: number) => object;
  /** A file sent as multipart field `file` instead of a JSON body. */
  upload?: (w: World) => { name: string; content: string };
  /** Expected status per caller; callers left out expect 403. */
  allowed: Partial<Record<WorldUser, number>>;
  /** Read back (as admin) after a refusal: it must equal what was read before. */
  snapshot?: (w: World) => string;
}

export const ALL_USERS: WorldUser[] = [
  'admin',
  'hrA',
  'headA',
  'nominatorA',
  'nominatorCity',
  'inspector',
  'hrB',
  'headB',
];

/** Expands route cases into (route, caller, expected status) rows for it.each. */
export function matrixRows(cases: RouteCase[]): [string, WorldUser, number, RouteCase][] {
  return cases.flatMap((route) =>
    ALL_USERS.map((user): [string, WorldUser, number, RouteCase] => [
      route.name,
      user,
      route.allowed[user] ?? 403,
      route,
    ]),
  );
}

let calls = 0;

/** Calls the route as the user and checks the status; after a refusal the snapshot is unchanged. */
export async function checkRoute(
  t: TestApp,
  w: World,
  route: RouteCase,
  user: WorldUser,
  expected: number,
): Promise<void> {
  const read = async () =>
    route.snapshot
      ? JSON.stringify(
          (await t.http().get(route.snapshot(w)).set('Authorization', w.tokens.admin)).body,
        )
      : null;
  const before = await read();
  const call = t.http()[route.method](route.path(w)).set('Authorization', w.tokens[user]);
  const file = route.upload?.(w);
  const response = file
    ? await call.attach('file', Buffer.from(file.content), file.name)
    : route.body
      ? await call.send(route.body(w, ++calls))
      : await call;
  if (response.status !== expected) {
    throw new Error(
      `${route.name} as ${user}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  if (expected === 403) {
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await read()).toEqual(before);
  }
}

import type { NextFunction, Request, Response } from 'express';
import { json } from 'express';

/** JSON bodies of every route but those below: a login, a person, a nomination entry. */
export const DEFAULT_JSON_LIMIT = '100kb';

/** Routes whose bodies need more than the default, and how much (UTF-8 is up to 3 bytes a letter). */
const LARGER_BODIES: { methods: string[]; path: RegExp; limit: string; why: string }[] = [
  {
    methods: ['POST', 'PATCH'],
    path: /^\/api\/evaluations(\/\d+)?\/?$/,
    limit: '1300kb',
    why: 'a note of 2,000 letters on each of up to 200 criteria',
  },
  {
    methods: ['POST', 'PATCH'],
    path: /^\/api\/inspections(\/\d+)?\/?$/,
    limit: '256kb',
    why: 'three texts of 20,000 letters, 50 members and a checklist',
  },
  {
    methods: ['POST', 'PATCH'],
    path: /^\/api\/criteria-sets(\/\d+)?\/?$/,
    limit: '512kb',
    why: 'up to 200 criteria with their names',
  },
];

/**
 * One JSON body parser whose size limit depends on the route (named `jsonParser` so that Nest
 * does not add its own). A body over the limit is 413 PAYLOAD_TOO_LARGE before it is parsed.
 */
export function jsonBodyParser(): (req: Request, res: Response, next: NextFunction) => void {
  const fallback = json({ limit: DEFAULT_JSON_LIMIT });
  const larger = LARGER_BODIES.map((route) => ({ ...route, parser: json({ limit: route.limit }) }));
  return function jsonParser(req, res, next) {
    const route = larger.find((r) => r.methods.includes(req.method) && r.path.test(req.path));
    (route?.parser ?? fallback)(req, res, next);
  };
}

import { Foundation1700000000001 } from './1700000000001-foundation';
import { Evaluations1700000000002 } from './1700000000002-evaluations';

/** Every migration, in order. The same list serves SQLite and MySQL. */
export const MIGRATIONS = [Foundation1700000000001, Evaluations1700000000002];

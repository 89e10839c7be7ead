import { Foundation1700000000001 } from './1700000000001-foundation';

/** Every migration, in order. The same list serves SQLite and MySQL. */
export const MIGRATIONS = [Foundation1700000000001];

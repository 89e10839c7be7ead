import argon2 from 'argon2';
import bcrypt from 'bcryptjs';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane): it runs in
 * libuv's thread pool, so hashing never blocks the event loop, and it reads the whole password
 * (bcrypt silently ignored everything after byte 72).
 */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, ARGON2_OPTIONS);
}

/** Checks a password; bcrypt hashes (`$2…`) of older versions are still read, until rehashed. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (hash.startsWith('$argon2')) return argon2.verify(hash, plain);
  if (hash.startsWith('$2')) return bcrypt.compare(plain, hash);
  return false;
}

/** True for a hash to replace at the next successful login: bcrypt, or older argon2 settings. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/** Compared against when the username is unknown, so timing does not tell which usernames exist. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('thidua-no-such-user');
  return dummyHash;
}

import bcrypt from 'bcryptjs';

const COST = 10;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the username is unknown, so timing does not tell which usernames exist. */
export const DUMMY_HASH = bcrypt.hashSync('thidua-no-such-user', COST);

import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

/** argon2id hash of a password (library defaults: m=19 MiB, t=2, p=1, the OWASP minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time verification; false for a malformed hash instead of throwing. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Throws AUTH_WEAK_PASSWORD unless ≥ 8 characters with at least one letter and one digit. */
export function assertStrongPassword(password: string): void {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new AppError('AUTH_WEAK_PASSWORD', {}, [{ path: 'newPassword', message: 'weak' }]);
  }
}

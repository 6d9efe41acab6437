import argon2 from 'argon2';
import { badRequest } from '../../platform/errors.ts';

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane) keeps a sign-in under ~50 ms on a small server. */
const argonOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function assertPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest('weak_password', `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > 256) throw badRequest('weak_password', 'Passwords can have at most 256 characters.');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, argonOptions);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash that never matches, verified against when the e-mail is unknown so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  return decoyHash;
}

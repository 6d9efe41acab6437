import { createHash, randomBytes } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 digests: a leaked table does not leak sessions or keys. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

import crypto from 'node:crypto';
import bcrypt from 'bcrypt';

const BCRYPT_ROUNDS = 10;

/**
 * bcrypt reads only the first 72 bytes of its input (and stops at a NUL byte), so two long passwords sharing a
 * prefix would be the same password. The current format runs the whole password through HMAC-SHA256 first and
 * hands bcrypt the 44-character base64 digest; the marker tells it apart from hashes made before, which are plain
 * bcrypt of the password. The HMAC key is a fixed label, not a secret: it only keeps these digests from matching
 * unsalted SHA-256 hashes leaked elsewhere ("password shucking").
 */
const CURRENT_MARKER = 'bcrypt-hmac-sha256$';
const PREHASH_KEY = 'liftplan password prehash v1';

const prehash = (password: string) =>
  crypto.createHmac('sha256', PREHASH_KEY).update(password, 'utf8').digest('base64');

export async function hashPassword(password: string): Promise<string> {
  return CURRENT_MARKER + (await bcrypt.hash(prehash(password), BCRYPT_ROUNDS));
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(CURRENT_MARKER)) return bcrypt.compare(prehash(password), stored.slice(CURRENT_MARKER.length));
  return bcrypt.compare(password, stored); // made before the marker: only its first 72 bytes count
}

/** A hash in an older format: replace it at the next successful sign-in, while the password is at hand. */
export const needsRehash = (stored: string) => !stored.startsWith(CURRENT_MARKER);

/** Compared against when the email is unknown, so both failures take the same time. */
export const DUMMY_HASH = CURRENT_MARKER + bcrypt.hashSync(prehash('not-a-real-password'), BCRYPT_ROUNDS);

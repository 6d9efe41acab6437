import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { conflict, isUniqueViolation } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { announceAccessChange } from './change-topic.ts';
import { assertPasswordStrength, hashPassword } from './passwords.ts';
import { users } from './schema.ts';

export type User = typeof users.$inferSelect;
export type PublicUser = Pick<User, 'id' | 'email' | 'name'>;

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export function publicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, name: user.name };
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** Creates a user. The password hash is computed before the transaction so no lock waits on argon2. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: { email: string; password: string; name?: string },
): Promise<User> {
  const email = emailSchema.parse(input.email);
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ id: newId('user'), email, name: input.name?.trim() ?? '', passwordHash })
        .returning();
      await announceAccessChange(tx);
      await recordAudit(tx, actor, {
        storeId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user!.id,
        after: publicUser(user!),
      });
      return user!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('email_taken', 'A user with this e-mail already exists.');
    throw err;
  }
}

export async function setUserPassword(db: Db, actor: Actor, userId: string, password: string): Promise<void> {
  assertPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId: null,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: userId,
    });
  });
}

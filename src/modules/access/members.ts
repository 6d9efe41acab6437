import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { announceAccessChange } from './change-topic.ts';
import type { Role } from './permissions.ts';
import { memberships, users } from './schema.ts';
import { createUser, emailSchema, findUserByEmail } from './users.ts';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  createdAt: Date;
}

const memberColumns = {
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  createdAt: memberships.createdAt,
};

export async function listMembers(db: Db, storeId: string): Promise<Member[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.storeId, storeId))
    .orderBy(asc(users.email));
}

const membershipRole = (db: Db, name: string) =>
  db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.storeId, sql.placeholder('storeId')),
        eq(memberships.userId, sql.placeholder('userId')),
      ),
    )
    .limit(1)
    .prepare(name);

export async function findMembership(
  db: Db,
  storeId: string,
  userId: string,
): Promise<{ role: string } | undefined> {
  const [row] = await prepared(db, 'membership_role', membershipRole).execute({ storeId, userId });
  return row;
}

async function getMember(db: Db, storeId: string, userId: string): Promise<Member> {
  const [member] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.storeId, storeId), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw notFound('Member');
  return member;
}

/**
 * Adds a person to a store's team. An existing account is linked; a new e-mail needs a name and an
 * initial password, which the person is expected to change.
 */
export async function addMember(
  db: Db,
  actor: Actor,
  storeId: string,
  input: { email: string; role: Role; name?: string; password?: string },
): Promise<Member> {
  const email = emailSchema.parse(input.email);
  let user = await findUserByEmail(db, email);
  if (!user) {
    if (!input.password) {
      throw unprocessable(
        'password_required',
        'This e-mail has no account yet: give a name and an initial password.',
      );
    }
    user = await createUser(db, actor, { email, password: input.password, name: input.name });
  }
  const userId = user.id;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(memberships)
      .values({ storeId, userId, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('already_member', 'This person is already on the team.');
    const member = await getMember(tx, storeId, userId);
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId,
      action: 'member.added',
      entityType: 'membership',
      entityId: userId,
      after: { userId, email: member.email, role: member.role },
    });
    return member;
  });
}

async function assertAnotherOwner(tx: Db, storeId: string, userId: string): Promise<void> {
  // Lock the store's owner rows so two concurrent demotions cannot remove both last owners.
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.storeId, storeId), eq(memberships.role, 'owner')))
    .for('update');
  if (!owners.some((o) => o.userId !== userId)) {
    throw conflict('last_owner', 'A store needs at least one owner: make someone else owner first.');
  }
}

export async function changeMemberRole(
  db: Db,
  actor: Actor,
  storeId: string,
  userId: string,
  role: Role,
): Promise<Member> {
  return db.transaction(async (tx) => {
    const before = await getMember(tx, storeId, userId);
    if (before.role === role) return before;
    if (before.role === 'owner') await assertAnotherOwner(tx, storeId, userId);
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.storeId, storeId), eq(memberships.userId, userId)));
    const after = { ...before, role };
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: userId,
      before: { role: before.role },
      after: { role },
    });
    return after;
  });
}

export async function removeMember(db: Db, actor: Actor, storeId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getMember(tx, storeId, userId);
    if (before.role === 'owner') await assertAnotherOwner(tx, storeId, userId);
    await tx.delete(memberships).where(and(eq(memberships.storeId, storeId), eq(memberships.userId, userId)));
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId,
      action: 'member.removed',
      entityType: 'membership',
      entityId: userId,
      before: { userId, email: before.email, role: before.role },
    });
  });
}

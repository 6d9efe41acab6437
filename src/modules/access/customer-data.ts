import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { mentionsSubject, redactedJson, redactedText } from '../../platform/personal-data/redaction.ts';
import { auditLog, loginAttempts } from './schema.ts';
import { tokenDigest } from './tokens.ts';

/**
 * The audit log's part of a privacy request (docs/privacy.md): the entries about the customer's
 * record (who changed what on their profile, and when).
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  return {
    audit_log: await db
      .select({
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        at: auditLog.at,
      })
      .from(auditLog)
      .where(and(eq(auditLog.storeId, storeId), eq(auditLog.entityId, subject.id)))
      .orderBy(auditLog.at),
  };
}

/**
 * Keeps the audit trail (who did what, when) and takes the customer's identifiers out of its
 * snapshots and labels, in the caller's transaction; drops the sign-in throttle's counters of
 * their e-mail (kept as a digest, for 15 minutes' use).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(auditLog)
    .set({
      before: redactedJson(auditLog.before, subject),
      after: redactedJson(auditLog.after, subject),
      actorLabel: redactedText(auditLog.actorLabel, subject),
    })
    .where(
      and(
        eq(auditLog.storeId, storeId),
        or(
          eq(auditLog.entityId, subject.id),
          mentionsSubject(auditLog.before, subject),
          mentionsSubject(auditLog.after, subject),
          mentionsSubject(auditLog.actorLabel, subject),
        ),
      ),
    );
  await tx.delete(loginAttempts).where(eq(loginAttempts.emailKey, tokenDigest(subject.email)));
  return {};
}

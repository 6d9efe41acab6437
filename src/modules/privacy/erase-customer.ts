import { and, eq, sql } from 'drizzle-orm';
import type { BlobStorage } from '../../platform/blob-storage/blob-storage.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logging.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { customerDataSources, type ErasableStorage } from './customer-data-sources.ts';
import { dataSubjectOf } from './data-subject-of.ts';
import { erasureOf, type PrivacyRequest } from './privacy-requests.ts';
import { privacyRequests } from './schema.ts';

export const CUSTOMER_ERASED_EVENT = 'customer.erased';

export type ErasureStorages = Partial<Record<ErasableStorage, BlobStorage>>;

/**
 * Erases a customer, irreversibly (docs/privacy.md, "Erasure"): every module that holds their
 * personal data anonymises it in ONE transaction, the customer row becomes a tombstone, earlier
 * exports' documents are deleted, and the erasure is logged and audited by customer id only. The
 * caller must type the customer's e-mail as `confirmation` (422 `confirmation_mismatch`); a
 * customer erased already is 409 `customer_already_erased`; one the store does not have is 404.
 * Files (support attachments, review photos) are deleted after the commit; one that fails to go is
 * logged and left to the storage (its row, the only thing that named it, is gone).
 */
export async function eraseCustomer(
  db: Db,
  input: {
    storeId: string;
    actor: Actor;
    customerId: string;
    confirmation: string;
    storages: ErasureStorages;
    logger?: Pick<Logger, 'warn'>;
  },
): Promise<PrivacyRequest> {
  const { storeId, actor, customerId } = input;
  const files: Array<{ storage: ErasableStorage; key: string }> = [];
  const request = await db.transaction(async (tx) => {
    // One erasure of a customer at a time: the second waits, then finds the first's log entry.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`privacy:${storeId}:${customerId}`}, 0))`,
    );
    if (await erasureOf(tx, storeId, customerId)) {
      throw conflict('customer_already_erased', 'This customer’s data was erased already.', { customerId });
    }
    const { subject } = await dataSubjectOf(tx, storeId, customerId);
    if (input.confirmation.trim().toLowerCase() !== subject.email) {
      throw unprocessable(
        'confirmation_mismatch',
        'Type the customer’s e-mail address exactly to confirm the erasure.',
        { field: 'confirmation' },
      );
    }
    for (const source of customerDataSources) {
      const erased = await source.erase(tx, storeId, subject);
      if (source.storage)
        for (const key of erased.blobKeys ?? []) files.push({ storage: source.storage, key });
    }
    await tx
      .update(privacyRequests)
      .set({ document: null, customerLabel: subject.tombstoneEmail })
      .where(and(eq(privacyRequests.storeId, storeId), eq(privacyRequests.customerId, customerId)));
    const id = newId('privacyRequest');
    await tx.insert(privacyRequests).values({
      id,
      storeId,
      kind: 'erasure',
      source: 'admin',
      customerId,
      customerLabel: subject.tombstoneEmail,
      requestedByType: actor.type,
      requestedById: actor.id,
      requestedByLabel: actor.label,
      document: null,
      completedAt: now(),
    });
    await recordAudit(tx, actor, {
      storeId,
      action: 'privacy.erased',
      entityType: 'customer',
      entityId: customerId,
      after: { requestId: id },
    });
    // Integrations that copied the customer (CRM, mailing tools) are told to forget them too.
    await emitEvent(tx, { storeId, type: CUSTOMER_ERASED_EVENT, payload: { customerId } });
    const erasure = await erasureOf(tx, storeId, customerId);
    return erasure!;
  });
  for (const file of files) {
    const storage = input.storages[file.storage];
    try {
      if (storage) await storage.delete(file.key);
      else input.logger?.warn({ storage: file.storage }, 'erasure: no storage to delete a file from');
    } catch (err) {
      input.logger?.warn({ err, storage: file.storage }, 'erasure: a file could not be deleted');
    }
  }
  return request;
}

import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { mentionsSubject, redactedText } from '../../platform/personal-data/redaction.ts';
import { paymentTransactions } from './schema.ts';

/**
 * Payments hold no personal data of their own (amounts, states, the card's brand and last four
 * digits, which identify no one), but a refund's reason in staff's words lands in the payment's
 * ledger note: erasure takes the customer's identifiers out of the store's ledger notes
 * (docs/privacy.md). The ledger itself is the store's financial record and stays.
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(paymentTransactions)
    .set({ note: redactedText(paymentTransactions.note, subject) })
    .where(
      and(
        eq(paymentTransactions.storeId, storeId),
        isNotNull(paymentTransactions.note),
        mentionsSubject(paymentTransactions.note, subject),
      ),
    );
  return {};
}

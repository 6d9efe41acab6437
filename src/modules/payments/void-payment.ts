import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/index.ts';
import { providerRefused } from './capture-payment.ts';
import { recordPaymentChange } from './payment-change.ts';
import { paymentProviders } from './payment-providers.ts';
import { assertPaymentTransition } from './payment-states.ts';
import { lockPayment, type Payment } from './payments.ts';

/**
 * Lets go of a payment nothing was captured from (`pending`, `requires_action`, `authorised` →
 * `voided`): the order was cancelled before the money was taken. Captured money goes back by
 * refund instead: 409 `illegal_transition`.
 */
export async function voidPayment(
  tx: Db,
  storeId: string,
  actor: Actor,
  paymentId: string,
): Promise<Payment> {
  const before = await lockPayment(tx, storeId, paymentId);
  assertPaymentTransition(before.state, 'voided', 'void');
  const result = await paymentProviders[before.provider].void({ reference: before.providerReference });
  if (!result.ok) throw providerRefused(result, 'void');
  return recordPaymentChange(tx, actor, {
    before,
    patch: { state: 'voided', actionUrl: null },
    transactions: [
      {
        kind: 'void',
        amount: before.amount - before.capturedAmount,
        outcome: 'succeeded',
        providerReference: result.reference,
      },
    ],
    action: 'voided',
  });
}

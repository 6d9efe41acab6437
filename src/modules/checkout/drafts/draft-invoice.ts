import { and, eq } from 'drizzle-orm';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, getStore } from '../../access/index.ts';
import { getCustomer } from '../../customers/index.ts';
import { sendTransactionalMail } from '../../transactional-mail/index.ts';
import { cartLimits } from '../cart-limits.ts';
import { cartTokenDigest, newCartToken } from '../cart-token.ts';
import { priceCart } from '../pricing/price-cart.ts';
import { carts } from '../schema.ts';
import { recordDraftChange } from './draft-events.ts';
import { type DraftInvoiceInput, draftInvoiceInput } from './draft-input.ts';
import { draftInvoiceVariables } from './draft-mail.ts';
import { type DraftOrder, getDraftOrder, lockOpenDraft, missingSteps } from './draft-read.ts';

/**
 * Where a draft's payment link opens, under the storefront's address: the checkout, which takes
 * the token as the browser's cart (src/storefront/checkout/draft-link.ts). The draft can be paid
 * there and not changed (`changeCart` refuses drafts).
 */
export const draftPaymentPath = (token: string) => `/checkout?draft=${token}`;

export interface SentDraftInvoice {
  draft: DraftOrder;
  /** The link's path under the storefront (the e-mail has it absolute); shown to staff to copy. */
  paymentPath: string;
}

/**
 * E-mails the customer the draft and a link to pay it (`draft_invoice`, in their language). The
 * link holds a new random token — only its digest is kept, so a link sent before stops working —
 * valid for 30 days. The draft must be complete: lines that can be bought, an e-mail, and an
 * address and a shipping option when something ships (422 `draft_order_incomplete` with
 * `missing`). 404, 409 `draft_order_completed`. Audited as `draft_order.invoice_sent`.
 */
export async function sendDraftInvoice(
  tx: Db,
  storeId: string,
  actor: Actor,
  draftId: string,
  input: DraftInvoiceInput = {},
): Promise<SentDraftInvoice> {
  const { message } = draftInvoiceInput.parse(input);
  const store = await getStore(tx, storeId);
  const cart = await lockOpenDraft(tx, storeId, draftId);
  const priced = await priceCart(tx, store, cart);
  const missing = missingSteps(cart, priced);
  if (missing.length > 0) {
    throw unprocessable('draft_order_incomplete', 'The draft is not ready to be paid yet.', { missing });
  }
  const token = newCartToken();
  const now = clock.now();
  await tx
    .update(carts)
    .set({
      tokenHash: cartTokenDigest(token),
      invoiceSentAt: now,
      updatedAt: now,
      lastActivityAt: now,
      expiresAt: new Date(now.getTime() + cartLimits.lifetimeMs),
    })
    .where(and(eq(carts.id, cart.id), eq(carts.storeId, storeId)));
  const paymentPath = draftPaymentPath(token);
  const customer = cart.customerId ? await getCustomer(tx, storeId, cart.customerId).catch(() => null) : null;
  await sendTransactionalMail(tx, storeId, {
    template: 'draft_invoice',
    to: cart.email!,
    locale: customer?.locale ?? cart.locale,
    variables: draftInvoiceVariables({ cart, priced, customer, paymentPath, message: message || null }),
    entity: { type: 'draft_order', id: cart.id },
  });
  const draft = await getDraftOrder(tx, store, draftId);
  await recordDraftChange(tx, actor, storeId, {
    kind: 'invoice_sent',
    id: draft.id,
    name: draft.name,
    after: { invoiceSentAt: now, total: priced.totals.total, currency: priced.currency },
  });
  return { draft, paymentPath };
}

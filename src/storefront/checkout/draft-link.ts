import type { FastifyReply } from 'fastify';
import { cartItemCount, draftOfPaymentLink, findCartByToken } from '../../modules/checkout/index.ts';
import { getOrder } from '../../modules/orders/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { setCartCookie, setCartCountCookie } from '../cart/cart-cookies.ts';
import { orderPaths } from '../orders/order-paths.ts';
import { renderEmptyCheckoutPage } from './checkout-page.tsx';
import { checkoutPaths } from './checkout-paths.ts';
import { type CheckoutVisit, seeOther, sendPrivateHtml } from './checkout-visit.ts';

/**
 * GET /checkout?draft=<token>: the payment link of a draft order staff sent (docs/draft-orders.md).
 * A draft that can be paid becomes this browser's cart — its cookie takes the token — and the
 * checkout opens on it with every step staff filled in, so only the payment is left; nothing in it
 * can be changed (`changeCart` refuses drafts). A draft already paid leads to its order's page.
 * Any other token (an older link, a deleted draft) finds nothing: 404.
 */
export async function openDraftLink(db: Db, visit: CheckoutVisit, token: string): Promise<FastifyReply> {
  const target = await draftOfPaymentLink(db, visit.store.id, token);
  if (target?.kind === 'payable') {
    const draft = await findCartByToken(db, visit.store.id, token);
    setCartCookie(visit.reply, visit.cartScope, token);
    setCartCountCookie(visit.reply, visit.cartScope, draft ? cartItemCount(draft) : 0);
    // To the checkout without the token: it leaves the address bar and the history at once.
    return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
  }
  if (target?.kind === 'ordered') {
    const order = await getOrder(db, visit.store.id, target.orderId);
    return seeOther(visit.reply, orderPaths.status(visit.site, order.token));
  }
  return sendPrivateHtml(visit.reply, 404, renderEmptyCheckoutPage(visit.site, visit.signedIn !== null));
}

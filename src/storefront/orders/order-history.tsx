import type { OrderSummary } from '../../modules/orders/index.ts';
import { orderName } from '../../modules/orders/index.ts';
import { formatMoney } from '../../platform/money.ts';
import { formatDate } from '../checkout/checkout-words.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { orderPaths } from './order-paths.ts';
import { orderStatusText } from './order-status-words.ts';

/** The signed-in customer's orders on /account, newest first, each linking to its status page. */
export function OrderHistory({
  site,
  orders,
  numberPrefix,
}: {
  site: StorefrontSite;
  orders: readonly OrderSummary[];
  /** The store's order number prefix (order settings). */
  numberPrefix: string;
}) {
  const t = messagesFor(site.locale);
  if (orders.length === 0) return <p class="muted">{t.accountNoOrders}</p>;
  return (
    <ul class="order-list">
      {orders.map((order) => (
        <li key={order.id}>
          <a class="order-row" href={orderPaths.status(site, order.token)}>
            <span class="order-name">{t.orderTitle(orderName(order, numberPrefix))}</span>
            <span class="price">{formatMoney(order.total, order.currency, site.locale)}</span>
            <span class="muted">
              {formatDate(site.locale, order.placedAt ?? order.createdAt, site.store.timezone)} ·{' '}
              {t.orderItemCount(order.itemCount)}
            </span>
            <span class="muted">{orderStatusText(t, order).text}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

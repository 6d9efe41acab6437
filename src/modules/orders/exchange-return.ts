import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { findStockVariants, findVariantShippingFacts } from '../catalog/index.ts';
import { reserveStock } from '../inventory/index.ts';
import { authorisePayment } from '../payments/index.ts';
import { finishClosing } from './close-return.ts';
import { createOrder } from './create-order.ts';
import { type ExchangeRequestLine, priceExchangeOrder, type ReplacementVariant } from './exchange-pricing.ts';
import { orderName } from './order-mail.ts';
import { type Order, type OrderReturn, orderLinesOf } from './order-read.ts';
import { getOrderSettings } from './order-settings.ts';
import { completePlacement } from './placement.ts';
import { lockOrderAndReturn } from './return-change.ts';
import { type ExchangeReturnInput, exchangeReturnInput } from './return-input.ts';
import { returnNumber, returnsOfOrder } from './return-read.ts';
import { assertTransition } from './state-machines.ts';

/**
 * Closes a received return with an exchange: a new order (source `admin`, the same customer,
 * addresses, market, currency and tax mode) for the replacement variants, priced by
 * `priceExchangeOrder` — units up to those received back on a line cost nothing, further units
 * cost what the customer paid per unit of that line. Its stock is reserved (`reserveStock`; 409
 * `out_of_stock`) and sold at placement; any amount to pay becomes a manual payment, pending until
 * staff mark it received. The return is `closed` with resolution `exchange` and the new order's id;
 * the returned units are not refunded (their payment now pays for the replacements). 409
 * `illegal_transition` unless the return is received; 422 `unknown_return_line`, `unknown_variant`,
 * `duplicate_line`.
 */
export async function closeReturnWithExchange(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: ExchangeReturnInput,
): Promise<{ orderReturn: OrderReturn; exchangeOrder: Order }> {
  const data = exchangeReturnInput.parse(input);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  assertTransition('return', before.status, 'closed');
  const requests = checkedRequests(before, data.lines);

  const variantIds = requests.map((r) => r.variantId);
  const stockVariants = await findStockVariants(tx, storeId, variantIds);
  const shippingFacts = await findVariantShippingFacts(tx, storeId, variantIds);
  const orderLines = await orderLinesOf(tx, orderId);
  const allReturns = await returnsOfOrder(tx, orderId);
  const variants = new Map<string, ReplacementVariant>();
  requests.forEach((r, i) => {
    const stock = stockVariants.get(r.variantId);
    if (!stock) {
      throw unprocessable('unknown_variant', `No variant ${r.variantId} in this store.`, {
        path: `lines.${i}.variantId`,
        id: r.variantId,
      });
    }
    const facts = shippingFacts.get(r.variantId);
    variants.set(r.variantId, {
      productId: stock.productId,
      productTitle: stock.productTitle,
      title: stock.title,
      sku: stock.sku,
      requiresShipping: facts?.requiresShipping ?? true,
      weightGrams: facts?.weightGrams ?? null,
    });
  });

  const { numberPrefix } = await getOrderSettings(tx, storeId);
  const number = returnNumber(orderName(order, numberPrefix), allReturns, returnId);
  const pricing = priceExchangeOrder(
    order,
    new Map(orderLines.map((l) => [l.id, l])),
    new Map(before.lines.map((l) => [l.orderLineId, l.receivedQuantity])),
    requests,
    variants,
    { discountId: `exchange:${returnId}`, title: `Exchange credit (return ${number})` },
  );

  const units = new Map<string, number>();
  for (const r of requests) units.set(r.variantId, (units.get(r.variantId) ?? 0) + r.quantity);
  const reservation = await reserveStock(tx, storeId, {
    items: [...units].map(([variantId, quantity]) => ({ variantId, quantity })),
    reference: `return:${returnId}`,
  });
  const charged = pricing.totals.total > 0;
  const created = await createOrder(tx, storeId, actor, {
    source: 'admin',
    checkoutId: null,
    customerId: order.customerId,
    email: order.email,
    phone: order.phone,
    locale: order.locale,
    marketId: order.marketId,
    currency: order.currency,
    taxesIncluded: order.taxesIncluded,
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    ...pricing,
    reservationId: reservation.id,
    discountUsageRef: null,
    paymentProvider: charged ? 'manual' : null,
    note: [`Exchange for return ${number}.`, data.note].filter(Boolean).join('\n'),
    tags: ['exchange'],
  });
  const payment = charged
    ? await authorisePayment(tx, storeId, {
        orderId: created.id,
        provider: 'manual',
        amount: pricing.totals.total,
        currency: order.currency,
        capture: 'immediate',
        actor,
        allowDisabledProvider: true,
      })
    : null;
  const exchangeOrder = await completePlacement(tx, storeId, actor, created.id, payment);

  const orderReturn = await finishClosing(tx, actor, order, before, {
    patch: {
      resolution: 'exchange',
      exchangeOrderId: exchangeOrder.id,
      staffNote: data.note || before.staffNote,
    },
    message: `Return closed with an exchange: order ${orderName(exchangeOrder, numberPrefix)}${charged ? ' (a difference to pay)' : ''}.`,
    data: { exchangeOrderId: exchangeOrder.id, lines: requests, difference: pricing.totals.total },
  });
  return { orderReturn, exchangeOrder };
}

/** Each replacement names a line of the return, once per variant. */
function checkedRequests(
  orderReturn: OrderReturn,
  lines: readonly ExchangeRequestLine[],
): ExchangeRequestLine[] {
  const returned = new Set(orderReturn.lines.map((l) => l.orderLineId));
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (!returned.has(line.orderLineId)) {
      throw unprocessable('unknown_return_line', 'This return has no such line.', {
        path: `lines.${i}.orderLineId`,
        orderLineId: line.orderLineId,
      });
    }
    const key = `${line.orderLineId} ${line.variantId}`;
    if (seen.has(key)) {
      throw unprocessable('duplicate_line', 'Each variant may be named once per returned line.', {
        path: `lines.${i}.variantId`,
      });
    }
    seen.add(key);
  });
  return [...lines];
}

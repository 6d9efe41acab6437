import type { Database } from '../../../platform/db/database.ts';
import { systemActor } from '../../access/index.ts';
import { recordMovements, reserveStock } from '../../inventory/index.ts';
import { makeLocation, makeVariants } from '../../inventory/testing/inventory-fixtures.ts';
import { authorisePayment, type Payment } from '../../payments/index.ts';
import { createOrder } from '../create-order.ts';
import type { NewOrder } from '../new-order-input.ts';
import type { Order } from '../order-read.ts';
import { completePlacement } from '../placement.ts';

export const orderTestActor = systemActor('orders test');

export const testAddress = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: null,
  line1: 'Hauptstraße 1',
  line2: null,
  city: 'Berlin',
  region: null,
  postalCode: '10115',
  country: 'DE',
  phone: null,
};

export interface TestOrderOptions {
  /** Units per line; one variant per line. */
  quantities?: number[];
  /** Price of one unit, minor units. */
  unitAmount?: number;
  shippingAmount?: number;
  currency?: string;
  /** Units received at the location before the order (per variant). */
  stock?: number;
  payment?: 'card' | 'manual' | 'three_d_secure';
  capture?: 'immediate' | 'on_fulfilment';
  email?: string;
  location?: { id: string };
  /** A discount's share of each line (minor units), so line totals need not be multiples of the units. */
  lineDiscounts?: number[];
  customerId?: string | null;
  /** The variants' unit cost (store currency), for margins. */
  unitCost?: number;
}

export interface PlacedTestOrder {
  order: Order;
  payment: Payment;
  variantIds: string[];
  location: { id: string };
}

let locationCounter = 0;

/**
 * A placed order the way checkout places one (reserve → createOrder → authorise → completePlacement),
 * without tax or discounts: lines of `unitAmount`, flat shipping, paid by the test card (or manual,
 * or a card that needs the extra step). For tests of what happens to orders afterwards.
 */
export async function placeTestOrder(
  database: Database,
  store: { id: string; baseCurrency: string },
  options: TestOrderOptions = {},
): Promise<PlacedTestOrder> {
  const quantities = options.quantities ?? [1];
  const unitAmount = options.unitAmount ?? 1000;
  const shippingAmount = options.shippingAmount ?? 500;
  const currency = options.currency ?? store.baseCurrency;
  const location =
    options.location ?? (await makeLocation(database, store.id, `Order test ${++locationCounter}`));
  const lineDiscounts = quantities.map((_, i) => options.lineDiscounts?.[i] ?? 0);
  const discountTotal = lineDiscounts.reduce((a, b) => a + b, 0);
  const variantIds: string[] = [];
  for (const _ of quantities)
    variantIds.push(
      ...(await makeVariants(
        database,
        store,
        1,
        options.unitCost !== undefined ? { cost: options.unitCost } : {},
      )),
    );
  await database.db.transaction((tx) =>
    recordMovements(
      tx,
      store.id,
      orderTestActor,
      variantIds.map((variantId) => ({
        variantId,
        locationId: location.id,
        kind: 'receive' as const,
        quantity: options.stock ?? 10,
      })),
    ),
  );
  const order = await database.db.transaction(async (tx) => {
    const reservation = await reserveStock(tx, store.id, {
      items: variantIds.map((variantId, i) => ({ variantId, quantity: quantities[i]! })),
    });
    const input: NewOrder = {
      source: 'storefront',
      checkoutId: null,
      customerId: options.customerId ?? null,
      email: options.email ?? 'ada@example.com',
      locale: 'en',
      marketId: null,
      currency,
      taxesIncluded: true,
      shippingAddress: testAddress,
      billingAddress: testAddress,
      lines: variantIds.map((variantId, i) => ({
        variantId,
        productId: null,
        title: `Test product ${i + 1}`,
        variantTitle: null,
        sku: null,
        quantity: quantities[i]!,
        unitAmount,
        subtotal: unitAmount * quantities[i]!,
        discount: lineDiscounts[i]!,
        discountAllocations:
          lineDiscounts[i]! > 0 ? [{ discountId: 'disc_test', amount: lineDiscounts[i]! }] : [],
        tax: 0,
        taxLines: [],
        total: unitAmount * quantities[i]! - lineDiscounts[i]!,
        requiresShipping: true,
        weightGrams: 500,
      })),
      shipping: {
        optionKey: 'standard',
        title: 'Standard',
        kind: 'delivery',
        locationId: null,
        amount: shippingAmount,
        discount: 0,
        tax: 0,
        taxLines: [],
        total: shippingAmount,
        estimate: null,
      },
      discounts:
        discountTotal > 0
          ? [{ discountId: 'disc_test', title: 'Test discount', code: 'TEST', amount: discountTotal }]
          : [],
      totals: {
        subtotal: unitAmount * quantities.reduce((a, b) => a + b, 0),
        discountTotal,
        shippingTotal: shippingAmount,
        taxTotal: 0,
        total: unitAmount * quantities.reduce((a, b) => a + b, 0) - discountTotal + shippingAmount,
      },
      reservationId: reservation.id,
      discountUsageRef: null,
      paymentProvider: options.payment === 'manual' ? 'manual' : 'test_card',
    };
    const created = await createOrder(tx, store.id, orderTestActor, input);
    const payment = await authorisePayment(tx, store.id, {
      orderId: created.id,
      provider: options.payment === 'manual' ? 'manual' : 'test_card',
      amount: created.total,
      currency,
      capture: options.capture ?? 'immediate',
      ...(options.payment === 'manual'
        ? {}
        : {
            method: {
              cardNumber: options.payment === 'three_d_secure' ? '4000000000003220' : '4242424242424242',
              expiry: '12/40',
              cvc: '123',
            },
          }),
    });
    const placed = await completePlacement(tx, store.id, orderTestActor, created.id, payment);
    return { placed, payment };
  });
  return { order: order.placed, payment: order.payment, variantIds, location };
}

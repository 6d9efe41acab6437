import { randomUUID } from 'node:crypto';
import type { Actor, Store } from '../modules/access/index.ts';
import {
  addCartLine,
  applyDiscountCode,
  createCart,
  type PricedCart,
  placeOrderFromCart,
  priceCart,
  selectCartShippingOption,
  setCartAddresses,
  setCartContact,
} from '../modules/checkout/index.ts';
import { recordMovements } from '../modules/inventory/index.ts';
import {
  approveReturn,
  cancelOrder,
  closeReturnWithExchange,
  closeReturnWithRefund,
  fulfilOrder,
  getOrder,
  markParcelDelivered,
  type OrderDetail,
  type ReturnReason,
  receiveReturn,
  refreshFinancialStatus,
  refundOrder,
  requestReturn,
} from '../modules/orders/index.ts';
import { markPaymentReceived, testCardNumbers } from '../modules/payments/index.ts';
import type { Db } from '../platform/db/database.ts';
import { type DemoShopper, demoCountryWeights, demoEmailOf, demoShoppers } from './demo-shoppers.ts';
import { seededRandom } from './product-art.ts';

/** A variant the demo's shoppers may buy: active, and not the one the demo shows sold out. */
export interface DemoSellable {
  variantId: string;
  productId: string;
  handle: string;
}

/** Orders the demo places: enough for lists, filters and reports to look lived-in, few enough to seed fast. */
export const demoOrderCount = 80;

/** The span the orders stand for: about four months (see `ageDays`). */
const spanDays = 115;

interface PlannedOrder {
  /**
   * How long ago the order stands for. The orders module stamps placement with the real time, so
   * every demo order is placed today; its age decides how far it has been worked (paid, shipped,
   * delivered, returned), oldest first, so order numbers rise as a shop's would.
   */
  ageDays: number;
  shopper: DemoShopper;
  email: string;
  lines: { variantId: string; quantity: number }[];
  code: 'WELCOME10' | 'FREESHIP' | null;
  express: boolean;
  manual: boolean;
}

/** Weighted choice of a country, then one of its shoppers. */
function pickShopper(random: () => number): DemoShopper {
  const total = demoCountryWeights.reduce((n, [, w]) => n + w, 0);
  const roll = random() * total;
  let upTo = 0;
  const [country] =
    demoCountryWeights.find(([, w]) => {
      upTo += w;
      return roll < upTo;
    }) ?? demoCountryWeights[0]!;
  const cast = demoShoppers[country]!;
  return cast[Math.floor(random() * cast.length)]!;
}

function planOrders(sellable: readonly DemoSellable[], bxgyVariantId: string): PlannedOrder[] {
  const random = seededRandom('demo orders');
  // More orders lately (a shop that grows), so the newest days have some in each early state.
  const ages = Array.from({ length: demoOrderCount }, () => spanDays * random() ** 1.5).sort((a, b) => b - a);
  const seen = new Set<string>();
  return ages.map((ageDays) => {
    const shopper = pickShopper(random);
    const email = demoEmailOf(shopper);
    const count = random() < 0.55 ? 1 : random() < 0.7 ? 2 : 3;
    const picked = new Set<string>();
    while (picked.size < count) picked.add(sellable[Math.floor(random() * sellable.length)]!.variantId);
    const lines = [...picked].map((variantId) => ({ variantId, quantity: random() < 0.15 ? 2 : 1 }));
    // Now and then three mugs: the automatic "buy 2, get 1" applies.
    if (random() < 0.08) {
      const mugs = lines.find((l) => l.variantId === bxgyVariantId);
      if (mugs) mugs.quantity = 3;
      else lines.push({ variantId: bxgyVariantId, quantity: 3 });
    }
    const firstOrder = !seen.has(email);
    seen.add(email);
    const roll = random();
    const code = firstOrder && roll < 0.3 ? 'WELCOME10' : roll > 0.9 ? 'FREESHIP' : null;
    // About one in ten pays by bank transfer; more among the newest, so some still await it.
    const manual = random() < (ageDays < 6 ? 0.3 : 0.08);
    return { ageDays, shopper, email, lines, code, express: random() < 0.2, manual };
  });
}

const carrierOf = (country: string, express: boolean) =>
  country === 'GB'
    ? 'Royal Mail'
    : country === 'US'
      ? express
        ? 'UPS'
        : 'USPS'
      : express && country !== 'DE'
        ? 'UPS'
        : 'DHL';

/** A tracking number in the carrier's usual shape. */
function trackingNumberOf(carrier: string, random: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  switch (carrier) {
    case 'UPS':
      return `1Z${digits(3)}E${digits(2)}${digits(10)}`;
    case 'USPS':
      return `9400${digits(18)}`;
    case 'Royal Mail':
      return `${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}${digits(9)}GB`;
    default:
      return `00340434${digits(12)}`;
  }
}

const returnReasonsInTurn: readonly ReturnReason[] = [
  'too_large',
  'damaged',
  'changed_mind',
  'not_as_described',
];

/**
 * The demo store's orders, placed the way a shopper places them (a cart in the market of their
 * country, lines, contact, address, a shipping option from the priced cart, sometimes a code, then
 * `placeOrderFromCart` with the test card or a bank transfer) and then worked like a shop works
 * them: paid transfers marked received, parcels shipped with tracking (one or two per order) and
 * delivered, the newest still in transit or waiting, a few refunded, returned or exchanged, two
 * cancelled. The stock they sell is received first, so the shelf the demo shows stays as it was.
 */
export async function placeDemoOrders(
  db: Db,
  actor: Actor,
  store: Store,
  sellable: readonly DemoSellable[],
  warehouseId: string,
  options: {
    bxgyVariantId: string;
    exchangeToVariantId?: string;
    onOrder?: (() => void) | undefined;
    /** Asked before each order: a server told to stop while seeding stops placing more (every order placed is whole). */
    shouldStop?: (() => boolean) | undefined;
  },
): Promise<void> {
  const plan = planOrders(sellable, options.bxgyVariantId);
  const random = seededRandom('demo order work');
  const needed = new Map<string, number>();
  for (const line of plan.flatMap((o) => o.lines)) {
    needed.set(line.variantId, (needed.get(line.variantId) ?? 0) + line.quantity);
  }
  if (options.exchangeToVariantId) {
    needed.set(options.exchangeToVariantId, (needed.get(options.exchangeToVariantId) ?? 0) + 1);
  }
  await db.transaction((tx) =>
    recordMovements(
      tx,
      store.id,
      actor,
      [...needed].map(([variantId, quantity]) => ({
        variantId,
        locationId: warehouseId,
        kind: 'receive' as const,
        quantity,
        note: 'Stock for web orders',
      })),
    ),
  );

  const roles = rolesOf(plan, options);
  const optionKeys = new Map<string, string>();

  for (const [i, planned] of plan.entries()) {
    if (options.shouldStop?.()) break;
    // One transaction per order, cart to last step: the cart's own steps nest in it (savepoints),
    // which saves a commit each on a database on disk.
    await db.transaction(async (tx) => {
      const placed = await placeFromCart(tx, store, planned, optionKeys);
      const orderId = placed.id;
      const role = roles.get(i);
      if (role === 'cancel') {
        await cancelOrder(
          tx,
          store.id,
          actor,
          orderId,
          { reason: 'customer', notifyCustomer: false, staffNote: 'Customer asked to cancel by e-mail.' },
          { canRefund: true },
        );
        return;
      }
      if (planned.manual && placed.paymentId) {
        // Transfers take a few days; the newest have not arrived yet.
        if (planned.ageDays < 6) return;
        await markPaymentReceived(tx, store.id, actor, placed.paymentId, { reference: `SEPA ${1000 + i}` });
        await refreshFinancialStatus(tx, store.id, actor, orderId);
      }
      if (planned.ageDays < 2) return;
      const order = await getOrder(tx, store.id, orderId);
      const carrier = carrierOf(planned.shopper.address.country, planned.express);
      const lines = order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
      const parcels = lines.length > 1 && random() < 0.3 ? [lines.slice(0, 1), lines.slice(1)] : [lines];
      const shipped: string[] = [];
      for (const parcel of parcels) {
        const { fulfilment } = await fulfilOrder(tx, store.id, actor, orderId, {
          lines: parcel,
          carrier,
          trackingNumber: trackingNumberOf(carrier, random),
          notifyCustomer: false,
        });
        shipped.push(fulfilment.id);
      }
      // Under a week old: still on its way.
      if (planned.ageDays < 7) return;
      for (const parcelId of shipped) {
        await markParcelDelivered(tx, store.id, actor, orderId, parcelId, { notifyCustomer: false });
      }
      if (role === 'exchange') await exchangeMug(tx, actor, store.id, order, options);
      else if (role === 'refund') {
        await refundOrder(tx, store.id, actor, orderId, {
          lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, restock: true }],
          reason: 'Arrived chipped; customer kept the rest',
          notifyCustomer: false,
        });
      } else if (role) await returnLine(tx, actor, store.id, order, role, i);
    });
    options.onOrder?.();
  }
}

type Role = 'cancel' | 'refund' | 'exchange' | 'requested' | 'approved' | 'closed';

/**
 * What happens to an order after it is delivered (or before it ships), chosen by turn rather than
 * chance so even a small demo has each: two recent orders cancelled (one on a transfer that never
 * came), one mug exchanged, and among orders delivered over twelve days ago about one in twelve
 * refunded in part, one in twelve returned and refunded, and a few returns still open.
 */
function rolesOf(
  plan: readonly PlannedOrder[],
  options: { bxgyVariantId: string; exchangeToVariantId?: string },
) {
  const roles = new Map<number, Role>();
  const recent = plan.map((o, i) => ({ o, i })).filter(({ o }) => o.ageDays > 1 && o.ageDays < 6);
  for (const r of [recent.find(({ o }) => o.manual), recent.find(({ o }) => !o.manual)]) {
    if (r) roles.set(r.i, 'cancel');
  }
  const settled = plan.map((o, i) => ({ o, i })).filter(({ o }) => o.ageDays >= 12);
  const mug = settled.find(({ o }) => o.lines.some((l) => l.variantId === options.bxgyVariantId));
  if (mug && options.exchangeToVariantId) roles.set(mug.i, 'exchange');
  settled
    .filter(({ i }) => !roles.has(i))
    .forEach(({ i }, n) => {
      const role: Role | null =
        n % 12 === 3
          ? 'refund'
          : n % 12 === 8
            ? 'closed'
            : n % 25 === 5
              ? 'requested'
              : n % 25 === 18
                ? 'approved'
                : null;
      if (role) roles.set(i, role);
    });
  return roles;
}

/**
 * Builds and places one order from a cart, as the storefront's checkout would. The shipping option
 * is taken from the priced cart the first time per country and kind (standard or express) and
 * remembered in `optionKeys` (rate ids do not change), which saves a pricing per order.
 */
async function placeFromCart(
  db: Db,
  store: Store,
  planned: PlannedOrder,
  optionKeys: Map<string, string>,
): Promise<{ id: string; paymentId: string | null }> {
  const { shopper } = planned;
  const { cart, token } = await createCart(db, store, {
    locale: shopper.address.country === 'DE' || shopper.address.country === 'AT' ? 'de' : 'en',
    country: shopper.address.country,
  });
  for (const line of planned.lines) await addCartLine(db, store.id, cart.id, line);
  await setCartContact(db, store.id, cart.id, { email: planned.email });
  await setCartAddresses(db, store.id, cart.id, {
    shippingAddress: { firstName: shopper.firstName, lastName: shopper.lastName, ...shopper.address },
  });
  const kind = `${shopper.address.country} ${planned.express ? 'express' : 'standard'}`;
  let optionKey = optionKeys.get(kind);
  if (!optionKey) {
    const priced: PricedCart = await priceCart(db, store, cart.id);
    const deliveries = priced.shipping.options.filter((o) => o.type === 'delivery');
    optionKey = ((planned.express ? deliveries.at(-1) : deliveries[0]) ?? deliveries[0])?.key;
    if (!optionKey) throw new Error(`The demo cannot ship to ${shopper.address.country}.`);
    optionKeys.set(kind, optionKey);
  }
  await selectCartShippingOption(db, store.id, cart.id, optionKey);
  if (planned.code) await applyDiscountCode(db, store.id, cart.id, planned.code);
  const placed = await placeOrderFromCart(db, {
    storeId: store.id,
    cartToken: token,
    idempotencyKey: randomUUID(),
    payment: planned.manual
      ? { provider: 'manual' }
      : {
          provider: 'test_card',
          card: {
            cardNumber: testCardNumbers.success,
            expiry: `12/${String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0')}`,
            cvc: '123',
            holderName: `${shopper.firstName} ${shopper.lastName}`,
          },
        },
  });
  return { id: placed.order.id, paymentId: placed.payment?.id ?? null };
}

/** A return of one unit of the first line, taken as far as `until`: requested, approved, or refunded. */
async function returnLine(
  tx: Db,
  actor: Actor,
  storeId: string,
  order: OrderDetail,
  until: 'requested' | 'approved' | 'closed',
  turn: number,
): Promise<void> {
  const line = order.lines[0]!;
  const requested = await requestReturn(tx, storeId, actor, order.id, {
    lines: [
      { orderLineId: line.id, quantity: 1, reason: returnReasonsInTurn[turn % returnReasonsInTurn.length]! },
    ],
    requestedBy: 'customer',
  });
  if (until === 'requested') return;
  await approveReturn(tx, storeId, actor, order.id, requested.id);
  if (until === 'approved') return;
  await receiveReturn(tx, storeId, actor, order.id, requested.id, {
    lines: [{ orderLineId: line.id, quantity: 1, disposition: 'restock' }],
  });
  await closeReturnWithRefund(tx, storeId, actor, order.id, requested.id, { notifyCustomer: false });
}

/** One mug sent back and swapped for the other glaze: the return closes with an exchange order. */
async function exchangeMug(
  tx: Db,
  actor: Actor,
  storeId: string,
  order: OrderDetail,
  options: { bxgyVariantId: string; exchangeToVariantId?: string },
): Promise<void> {
  const line = order.lines.find((l) => l.variantId === options.bxgyVariantId)!;
  const requested = await requestReturn(tx, storeId, actor, order.id, {
    lines: [{ orderLineId: line.id, quantity: 1, reason: 'not_as_described' }],
    requestedBy: 'customer',
    comment: 'The oat glaze is lighter than on screen; could I have the slate one instead?',
  });
  await approveReturn(tx, storeId, actor, order.id, requested.id);
  await receiveReturn(tx, storeId, actor, order.id, requested.id, {
    lines: [{ orderLineId: line.id, quantity: 1, disposition: 'restock' }],
  });
  await closeReturnWithExchange(tx, storeId, actor, order.id, requested.id, {
    lines: [{ orderLineId: line.id, variantId: options.exchangeToVariantId!, quantity: 1 }],
  });
}

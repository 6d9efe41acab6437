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
import { storeDay } from '../modules/markets/index.ts';
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
import { runAt } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { yieldToEventLoop } from '../platform/runtime/yield-to-event-loop.ts';
import { type DemoShopper, demoCountryWeights, demoEmailOf, demoShoppers } from './demo-shoppers.ts';
import { seededRandom } from './product-art.ts';

/** A variant the demo's shoppers may buy: active, and not the one the demo shows sold out. */
export interface DemoSellable {
  variantId: string;
  productId: string;
  handle: string;
}

/**
 * Orders the demo places through checkout: enough for the order screens to show every state a
 * shop's orders go through, few enough to seed fast (each takes about 0.15 s on the embedded
 * database). The months before come from the store's history (seed-demo-history.ts).
 */
export const demoOrderCount = 45;

/** The span those orders stand for: the last six weeks (see `ageDays`). */
export const demoOrderSpanDays = 42;

const hour = 3600 * 1000;
const day = 24 * hour;

interface PlannedOrder {
  /**
   * How long ago the order was placed, in days. Each step of the order runs through the real
   * services at its own moment (platform/clock.ts `runAt`): placed that day, paid, shipped, delivered
   * and returned days after; a step whose moment is still to come has not happened yet, which is
   * how the newest orders stay awaiting payment or in transit. Oldest first, so order numbers rise
   * as a shop's would.
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
  const ages = Array.from({ length: demoOrderCount }, () => demoOrderSpanDays * random() ** 1.5).sort(
    (a, b) => b - a,
  );
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
    const manual = random() < (ageDays < 4 ? 0.6 : ageDays < 8 ? 0.3 : 0.08);
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
 * The moments an order's steps happen at, decided before anything is written. Every moment is in
 * the past (a step whose moment would still be to come is null: it has not happened yet).
 */
interface OrderSchedule {
  placed: Date;
  /** A cancellation: within a day of placing. */
  cancelled: Date | null;
  /** A bank transfer arriving (1–3 days after placing); null for a card (paid at placing). */
  paid: Date | null;
  /** One moment per parcel (1–2 days after payment); empty when nothing has shipped yet. */
  shipped: Date[];
  /** Per parcel, 2–5 days after it shipped; null while it is on its way. */
  delivered: (Date | null)[];
  /** What follows delivery (a refund, a return or an exchange), 5–20 days after the last parcel arrived. */
  afterDelivery: Date[];
}

/** How busy each hour of a shopper's day is (store time, 0–23): evenings most, nights least. */
const shoppingHours = [
  1, 0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 2, 3, 4, 4, 4.5, 5, 4.5, 4, 4, 4.5, 5, 6, 7, 7.5, 6.5, 4.5, 2.5,
];

export function weightedHour(random: () => number): number {
  const total = shoppingHours.reduce((a, b) => a + b, 0);
  let roll = random() * total;
  for (const [h, w] of shoppingHours.entries()) {
    roll -= w;
    if (roll < 0) return h;
  }
  return 20;
}

/** The time zone's offset from UTC (ms) at an instant. */
function zoneOffsetAt(timeZone: string, at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant of a wall-clock time (`minutes` after midnight) on the store's day `storeDate` (YYYY-MM-DD). */
export function storeTime(timeZone: string, storeDate: string, minutes: number): Date {
  const [y, m, d] = storeDate.split('-').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!) + minutes * 60_000;
  let at = wall - zoneOffsetAt(timeZone, wall);
  at = wall - zoneOffsetAt(timeZone, at);
  return new Date(at);
}

/**
 * The store's working moment `days` after `from`: that store day at a time between `fromHour` and
 * `toHour` (store time). Always later than `from` when `days` ≥ 1.
 */
function workingMoment(
  store: Store,
  from: Date,
  days: number,
  random: () => number,
  fromHour = 9,
  toHour = 18,
): Date {
  const date = storeDay(store, new Date(from.getTime() + days * day));
  return storeTime(store.timezone, date, Math.floor((fromHour + random() * (toHour - fromHour)) * 60));
}

const between = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/**
 * Every order's moments, from `realNow` back. Placement: the order's day at a shopper's hour; the
 * moments are handed out in time order, so order numbers still rise with placement. The rest follow
 * a shop's rhythm; a moment later than `realNow` has not happened.
 */
function scheduleOrders(store: Store, plan: readonly PlannedOrder[], realNow: number): OrderSchedule[] {
  const random = seededRandom('demo order times');
  const placements = plan
    .map((planned) => {
      const date = storeDay(store, new Date(realNow - planned.ageDays * day));
      const at = storeTime(store.timezone, date, weightedHour(random) * 60 + Math.floor(random() * 60));
      // Today's orders were placed before now.
      return at.getTime() < realNow ? at : new Date(realNow - planned.ageDays * day - 60_000);
    })
    .sort((a, b) => a.getTime() - b.getTime());
  const past = (at: Date | null | undefined) => (at && at.getTime() < realNow ? at : null);
  return plan.map((planned, i) => {
    const placed = placements[i]!;
    const schedule: OrderSchedule = {
      placed,
      cancelled: new Date(
        Math.min(placed.getTime() + between(random, 1, 20) * hour, (placed.getTime() + realNow) / 2),
      ),
      paid: null,
      shipped: [],
      delivered: [],
      afterDelivery: [],
    };
    if (planned.manual) {
      schedule.paid = past(workingMoment(store, placed, between(random, 1, 3), random, 8, 20));
      if (!schedule.paid) return schedule;
    }
    const shipped = past(
      workingMoment(store, schedule.paid ?? placed, between(random, 1, 2), random, 10, 17),
    );
    if (!shipped) return schedule;
    // A second parcel (when the order splits) leaves the same afternoon or the next day.
    schedule.shipped = [shipped, workingMoment(store, shipped, between(random, 0, 1), random, 15, 18)].map(
      (at) => (at.getTime() < shipped.getTime() ? shipped : (past(at) ?? shipped)),
    );
    schedule.delivered = schedule.shipped.map((at) =>
      past(workingMoment(store, at, between(random, 2, 5), random)),
    );
    if (schedule.delivered.some((at) => at === null)) return schedule;
    const lastDelivered = schedule.delivered.reduce((a, b) => (b!.getTime() > a!.getTime() ? b : a))!;
    // Asked 5–20 days after it arrived, then each further step a few days apart.
    let at = workingMoment(store, lastDelivered, between(random, 5, 20), random);
    for (const gap of [0, 1, between(random, 3, 6), between(random, 0, 1)]) {
      const next = gap === 0 ? at : workingMoment(store, at, gap, random);
      if (!past(next)) break;
      at = next;
      schedule.afterDelivery.push(at);
    }
    return schedule;
  });
}

/**
 * The demo store's orders, placed the way a shopper places them (a cart in the market of their
 * country, lines, contact, address, a shipping option from the priced cart, sometimes a code, then
 * `placeOrderFromCart` with the test card or a bank transfer) and then worked like a shop works
 * them: paid transfers marked received, parcels shipped with tracking (one or two per order) and
 * delivered, the newest still in transit or waiting, a few refunded, returned or exchanged, two
 * cancelled. Each step runs at its own moment over the last six weeks (`runAt`), so the orders,
 * payments, parcels, returns, ledger movements and events carry the dates a shop's would. The
 * stock they sell is received first, dated before the first order, so the shelf the demo shows
 * stays as it was.
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
): Promise<string[]> {
  const realNow = Date.now();
  const plan = planOrders(sellable, options.bxgyVariantId);
  const schedules = scheduleOrders(store, plan, realNow);
  const random = seededRandom('demo order work');
  const needed = new Map<string, number>();
  for (const line of plan.flatMap((o) => o.lines)) {
    needed.set(line.variantId, (needed.get(line.variantId) ?? 0) + line.quantity);
  }
  if (options.exchangeToVariantId) {
    needed.set(options.exchangeToVariantId, (needed.get(options.exchangeToVariantId) ?? 0) + 1);
  }
  const stockedAt = new Date(schedules[0]!.placed.getTime() - 2 * day);
  await runAt(stockedAt, () =>
    db.transaction((tx) =>
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
    ),
  );

  const roles = rolesOf(plan, schedules, options);
  const optionKeys = new Map<string, string>();
  const placedIds: string[] = [];

  for (const [i, planned] of plan.entries()) {
    await yieldToEventLoop();
    if (options.shouldStop?.()) break;
    const schedule = schedules[i]!;
    // One transaction per order, cart to last step: the cart's own steps nest in it (savepoints),
    // which saves a commit each on a database on disk.
    await db.transaction(async (tx) => {
      const placed = await runAt(schedule.placed, () => placeFromCart(tx, store, planned, optionKeys));
      const orderId = placed.id;
      placedIds.push(orderId);
      const role = roles.get(i);
      if (role === 'cancel') {
        await runAt(schedule.cancelled!, () =>
          cancelOrder(
            tx,
            store.id,
            actor,
            orderId,
            { reason: 'customer', notifyCustomer: false, staffNote: 'Customer asked to cancel by e-mail.' },
            { canRefund: true },
          ),
        );
        return;
      }
      if (planned.manual && placed.paymentId) {
        // Transfers take a few days; the newest have not arrived yet.
        if (!schedule.paid) return;
        await runAt(schedule.paid, async () => {
          await markPaymentReceived(tx, store.id, actor, placed.paymentId!, {
            reference: `SEPA ${1000 + i}`,
          });
          await refreshFinancialStatus(tx, store.id, actor, orderId);
        });
      }
      if (schedule.shipped.length === 0) return;
      const order = await getOrder(tx, store.id, orderId);
      const carrier = carrierOf(planned.shopper.address.country, planned.express);
      const lines = order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
      const parcels = lines.length > 1 && random() < 0.3 ? [lines.slice(0, 1), lines.slice(1)] : [lines];
      const shipped: string[] = [];
      for (const [p, parcel] of parcels.entries()) {
        const trackingNumber = trackingNumberOf(carrier, random);
        const { fulfilment } = await runAt(schedule.shipped[p]!, () =>
          fulfilOrder(tx, store.id, actor, orderId, {
            lines: parcel,
            carrier,
            trackingNumber,
            notifyCustomer: false,
          }),
        );
        shipped.push(fulfilment.id);
      }
      // Parcels arrive in their own time; one still on its way leaves the order in transit.
      for (const [p, parcelId] of shipped.entries()) {
        const deliveredAt = schedule.delivered[p];
        if (!deliveredAt) continue;
        await runAt(deliveredAt, () =>
          markParcelDelivered(tx, store.id, actor, orderId, parcelId, { notifyCustomer: false }),
        );
      }
      if (!role || shipped.some((_, p) => !schedule.delivered[p])) return;
      const steps = schedule.afterDelivery;
      if (role === 'exchange') placedIds.push(await exchangeMug(tx, actor, store.id, order, steps, options));
      else if (role === 'refund') {
        await runAt(steps[0]!, () =>
          refundOrder(tx, store.id, actor, orderId, {
            lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, restock: true }],
            reason: 'Arrived chipped; customer kept the rest',
            notifyCustomer: false,
          }),
        );
      } else await returnLine(tx, actor, store.id, order, role, steps, i);
    });
    options.onOrder?.();
  }
  return placedIds;
}

type Role = 'cancel' | 'refund' | 'exchange' | 'requested' | 'approved' | 'closed';

/** Steps after delivery each role takes (refund 1; return asked, approved, received, closed). */
const stepsOf: Record<Exclude<Role, 'cancel'>, number> = {
  refund: 1,
  requested: 1,
  approved: 2,
  closed: 4,
  exchange: 4,
};

/**
 * What happens to an order after it is delivered (or before it ships), chosen by turn rather than
 * chance so even a small demo has each: two recent orders cancelled (one on a transfer that never
 * came), one mug exchanged, and among orders whose steps after delivery have all happened by now
 * about one in twelve refunded in part, one in twelve returned and refunded, and a few returns
 * still open.
 */
function rolesOf(
  plan: readonly PlannedOrder[],
  schedules: readonly OrderSchedule[],
  options: { bxgyVariantId: string; exchangeToVariantId?: string },
) {
  const roles = new Map<number, Role>();
  const recent = plan.map((o, i) => ({ o, i })).filter(({ o }) => o.ageDays > 1 && o.ageDays < 6);
  for (const r of [recent.find(({ o }) => o.manual), recent.find(({ o }) => !o.manual)]) {
    if (r) roles.set(r.i, 'cancel');
  }
  const settled = plan
    .map((o, i) => ({ o, i, steps: schedules[i]!.afterDelivery.length }))
    .filter(({ i, steps }) => steps > 0 && !roles.has(i));
  const mug = settled.find(
    ({ o, steps }) => steps >= stepsOf.exchange && o.lines.some((l) => l.variantId === options.bxgyVariantId),
  );
  if (mug && options.exchangeToVariantId) roles.set(mug.i, 'exchange');
  settled
    .filter(({ i }) => !roles.has(i))
    .forEach(({ i, steps }, n) => {
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
      // A return whose last steps are still to come stays open where it has got to.
      if (role)
        roles.set(
          i,
          role === 'closed' && steps < stepsOf.closed ? (steps >= 2 ? 'approved' : 'requested') : role,
        );
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
  await setCartAddresses(db, store, cart.id, {
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
  await selectCartShippingOption(db, store, cart.id, optionKey);
  if (planned.code) await applyDiscountCode(db, store, cart.id, planned.code);
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

/**
 * A return of one unit of the first line, taken as far as `until` (requested, approved, or received
 * and refunded), each step at its moment in `steps`.
 */
async function returnLine(
  tx: Db,
  actor: Actor,
  storeId: string,
  order: OrderDetail,
  until: 'requested' | 'approved' | 'closed',
  steps: readonly Date[],
  turn: number,
): Promise<void> {
  const line = order.lines[0]!;
  const requested = await runAt(steps[0]!, () =>
    requestReturn(tx, storeId, actor, order.id, {
      lines: [
        {
          orderLineId: line.id,
          quantity: 1,
          reason: returnReasonsInTurn[turn % returnReasonsInTurn.length]!,
        },
      ],
      requestedBy: 'customer',
    }),
  );
  if (until === 'requested') return;
  await runAt(steps[1]!, () => approveReturn(tx, storeId, actor, order.id, requested.id));
  if (until === 'approved') return;
  await runAt(steps[2]!, () =>
    receiveReturn(tx, storeId, actor, order.id, requested.id, {
      lines: [{ orderLineId: line.id, quantity: 1, disposition: 'restock' }],
    }),
  );
  await runAt(steps[3]!, () =>
    closeReturnWithRefund(tx, storeId, actor, order.id, requested.id, { notifyCustomer: false }),
  );
}

/** One mug sent back and swapped for the other glaze: the return closes with an exchange order (its id). */
async function exchangeMug(
  tx: Db,
  actor: Actor,
  storeId: string,
  order: OrderDetail,
  steps: readonly Date[],
  options: { bxgyVariantId: string; exchangeToVariantId?: string },
): Promise<string> {
  const line = order.lines.find((l) => l.variantId === options.bxgyVariantId)!;
  const requested = await runAt(steps[0]!, () =>
    requestReturn(tx, storeId, actor, order.id, {
      lines: [{ orderLineId: line.id, quantity: 1, reason: 'not_as_described' }],
      requestedBy: 'customer',
      comment: 'The oat glaze is lighter than on screen; could I have the slate one instead?',
    }),
  );
  await runAt(steps[1]!, () => approveReturn(tx, storeId, actor, order.id, requested.id));
  await runAt(steps[2]!, () =>
    receiveReturn(tx, storeId, actor, order.id, requested.id, {
      lines: [{ orderLineId: line.id, quantity: 1, disposition: 'restock' }],
    }),
  );
  const { exchangeOrder } = await runAt(steps[3]!, () =>
    closeReturnWithExchange(tx, storeId, actor, order.id, requested.id, {
      lines: [{ orderLineId: line.id, variantId: options.exchangeToVariantId!, quantity: 1 }],
    }),
  );
  return exchangeOrder.id;
}

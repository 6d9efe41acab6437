import type { Store } from '../modules/access/index.ts';
import type { HistoricalOrder, NewOrder } from '../modules/orders/index.ts';
import {
  computeTax,
  type DestinationRates,
  getTaxSettings,
  resolveRates,
  type TaxSettings,
} from '../modules/tax/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoHistoryPlan, PlannedHistoryOrder } from './demo-history-plan.ts';

/**
 * What the shop charged for shipping before it opened its markets (four months ago, when prices in
 * pounds, dollars and yen began): everything in euros, standard free above a threshold, express
 * never. Minor units, tax included like the prices.
 */
const shippingRates = {
  DE: { standard: 490, express: 1290, freeAbove: 7500 },
  EU: { standard: 890, express: 2490, freeAbove: 7500 },
  world: { standard: 1490, express: 3990, freeAbove: 15_000 },
};
const euCountries = new Set(['AT', 'BE', 'ES', 'FR', 'IE', 'IT', 'NL']);

const day = 24 * 3600 * 1000;

const carrierOf = (country: string, express: boolean) =>
  express ? 'UPS' : country === 'GB' ? 'Royal Mail' : country === 'US' ? 'USPS' : 'DHL';

/**
 * Turns the plan's orders into orders as checkout would have priced them, in euros: the lines at
 * the catalog price, shipping by zone, tax from the store's own rates at the address (the tax
 * module's `computeTax`, the calculation checkout uses), and their moments (placed, shipped,
 * delivered, returned) as instants, none later than `now`: an order whose parcel would only ship
 * later is still waiting to be sent.
 */
export async function pricedHistoryOrders(
  db: Db,
  store: Store,
  plan: DemoHistoryPlan,
  customerIds: readonly string[],
  now: number,
): Promise<HistoricalOrder[]> {
  const settings = await getTaxSettings(db, store.id);
  const rates = new Map<string, DestinationRates>();
  for (const customer of plan.customers) {
    const { country, region } = customer.address;
    const key = `${country}|${region ?? ''}`;
    if (!rates.has(key))
      rates.set(key, await resolveRates(db, store.id, { country, region: region ?? null }));
  }
  return plan.orders.map((planned, i) => {
    const customer = plan.customers[planned.customer]!;
    const { country, region } = customer.address;
    const order = priceOrder(
      store,
      plan,
      planned,
      customerIds[planned.customer]!,
      settings,
      rates.get(`${country}|${region ?? ''}`)!,
    );
    const moment = (dayIndex: number, minute: number) => {
      const start = plan.dayStarts[Math.min(dayIndex, plan.days.length - 1)]!;
      return new Date(start + Math.max(0, dayIndex - plan.days.length + 1) * day + minute * 60_000);
    };
    const placedAt = moment(planned.day, planned.minute);
    const past = (at: Date) => (at.getTime() <= now ? at : null);
    if (planned.cancelled) {
      return {
        order,
        placedAt,
        cancelledAt: past(new Date(placedAt.getTime() + 3 * 3600 * 1000)) ?? placedAt,
      };
    }
    const shippedAt = past(moment(planned.day + planned.shipAfterDays, 600 + ((i * 37) % 420)));
    if (!shippedAt) return { order, placedAt };
    const deliveredAt = past(new Date(shippedAt.getTime() + planned.deliverAfterDays * day));
    const parcel = {
      shippedAt,
      deliveredAt,
      carrier: carrierOf(country, planned.express),
      trackingNumber: `HIST${String(i + 1).padStart(8, '0')}`,
    };
    const r = planned.return;
    if (!r || !deliveredAt) return { order, placedAt, parcel };
    const requestedAt = new Date(deliveredAt.getTime() + r.afterDeliveryDays * day);
    const refundedAt = past(new Date(requestedAt.getTime() + r.refundAfterDays * day));
    if (!refundedAt) return { order, placedAt, parcel };
    // What the shop can no longer sell goes back on no shelf: the sold-out best-seller stays out.
    const product = plan.products[planned.lines[r.line]!.product]!;
    const restock = r.restock && product.handle !== plan.incidents.stockOut.handle;
    return {
      order,
      placedAt,
      parcel,
      return: { lineIndex: r.line, reason: r.reason, requestedAt, refundedAt, restock },
    };
  });
}

function priceOrder(
  store: Store,
  plan: DemoHistoryPlan,
  planned: PlannedHistoryOrder,
  customerId: string,
  settings: TaxSettings,
  rates: DestinationRates,
): NewOrder {
  const customer = plan.customers[planned.customer]!;
  const country = customer.address.country;
  const zone =
    country === 'DE' ? shippingRates.DE : euCountries.has(country) ? shippingRates.EU : shippingRates.world;
  const lines = planned.lines.map((line, position) => {
    const product = plan.products[line.product]!;
    return { position, product, quantity: line.quantity, subtotal: product.priceAmount * line.quantity };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.subtotal, 0);
  const shippingAmount = planned.express ? zone.express : subtotal >= zone.freeAbove ? 0 : zone.standard;
  const tax = computeTax({
    currency: store.baseCurrency,
    pricesIncludeTax: settings.pricesIncludeTax,
    rounding: settings.rounding,
    lines: lines.map((l) => ({ lineId: String(l.position), amount: l.subtotal, quantity: l.quantity })),
    shipping: {
      amount: shippingAmount,
      taxation: settings.shippingTaxation,
      taxClass: settings.shippingTaxClass,
    },
    rates,
  });
  const taxAdded = settings.pricesIncludeTax ? 0 : 1;
  const taxLinesOf = (taxes: readonly { rateId: string; name: string; ratePpm: number; amount: number }[]) =>
    taxes.map((t) => ({ rateId: t.rateId, name: t.name, ratePpm: t.ratePpm, amount: t.amount }));
  const orderLines = lines.map((l, i) => {
    const lineTax = tax.lines[i]!;
    return {
      variantId: l.product.variantId,
      productId: l.product.productId,
      title: l.product.title,
      variantTitle: null,
      sku: l.product.sku,
      quantity: l.quantity,
      unitAmount: l.product.priceAmount,
      subtotal: l.subtotal,
      discount: 0,
      discountAllocations: [],
      tax: lineTax.tax,
      taxLines: taxLinesOf(lineTax.taxes),
      total: l.subtotal + taxAdded * lineTax.tax,
      requiresShipping: true,
      weightGrams: null,
    };
  });
  const shippingTax = tax.shipping?.tax ?? 0;
  const shippingTotal = shippingAmount + taxAdded * shippingTax;
  const address = { firstName: customer.firstName, lastName: customer.lastName, ...customer.address };
  return {
    source: 'storefront',
    checkoutId: null,
    customerId,
    email: customer.email,
    phone: null,
    locale: country === 'DE' || country === 'AT' ? 'de' : 'en',
    marketId: null,
    currency: store.baseCurrency,
    taxesIncluded: settings.pricesIncludeTax,
    shippingAddress: address,
    billingAddress: address,
    lines: orderLines,
    shipping: {
      optionKey: `history:${planned.express ? 'express' : 'standard'}`,
      title: planned.express ? 'Express' : 'Standard',
      kind: 'delivery',
      locationId: null,
      amount: shippingAmount,
      discount: 0,
      tax: shippingTax,
      taxLines: taxLinesOf(tax.shipping?.taxes ?? []),
      total: shippingTotal,
      estimate: null,
    },
    discounts: [],
    totals: {
      subtotal,
      discountTotal: 0,
      shippingTotal,
      taxTotal: orderLines.reduce((sum, l) => sum + l.tax, 0) + shippingTax,
      total: orderLines.reduce((sum, l) => sum + l.total, 0) + shippingTotal,
    },
    reservationId: null,
    discountUsageRef: null,
    paymentProvider: planned.manual ? 'manual' : 'test_card',
    note: null,
    tags: [],
  };
}

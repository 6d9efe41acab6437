import type { Actor } from '../modules/access/index.ts';
import { createChannel, ensureDefaultChannel } from '../modules/inventory/channels/channels.ts';
import { createPurchaseOrder } from '../modules/inventory/purchase-orders/draft.ts';
import { receivePurchaseOrder } from '../modules/inventory/purchase-orders/receive.ts';
import { sendPurchaseOrder } from '../modules/inventory/purchase-orders/send.ts';
import { upsertSupplierVariants } from '../modules/inventory/suppliers/supplier-variants.ts';
import { createSupplier } from '../modules/inventory/suppliers/suppliers.ts';
import { createTransfer } from '../modules/inventory/transfers/transfer-drafts.ts';
import { shipTransfer } from '../modules/inventory/transfers/transfer-steps.ts';
import type { Db } from '../platform/db/database.ts';

/** A demo variant as purchasing sees it: who makes it, what it sells for, how fast it sells. */
export interface DemoStockVariant {
  variantId: string;
  vendor: string;
  priceAmount: number;
  /** Units sold per day in the demo's sales history. */
  unitsPerDay: number;
  /** Available at the warehouse today. */
  warehouseUnits: number;
}

interface DemoStore {
  id: string;
  name: string;
  handle: string;
  baseCurrency: string;
  locale: string;
}

/**
 * Who bills in another currency than the store's, and at what rate (store currency per unit):
 * makers abroad, so the demo shows exchange rates on purchase orders.
 */
const foreignSuppliers: Record<string, { currency: string; rateTo: Record<string, number> }> = {
  'Kestrel Ironworks': { currency: 'USD', rateTo: { EUR: 0.92 } },
  'Hollow Oak Candle Co.': { currency: 'GBP', rateTo: { EUR: 1.17 } },
  Grindwell: { currency: 'EUR', rateTo: { USD: 1.08 } },
};

/** Days from order to delivery, by maker; 14 for the rest. */
const leadTimes: Record<string, number> = {
  'Töpferei Lenz': 10,
  'Vilnius Linen Atelier': 21,
  'Forst Holzwerk': 14,
  'Kestrel Ironworks': 35,
  'Hollow Oak Candle Co.': 28,
  'Vetreria Lume': 18,
  'Marlowe Kettle Co.': 12,
  'Kiln & Cone': 9,
  Grindwell: 30,
};

/** The store's own-brand goods come from a contract maker. */
const ownBrandMakers: Record<string, string> = {
  'alder-ash': 'Werkstatt Nord',
  'tidewater-coffee': 'Harbor Green Coffee Importers',
};

const emailOf = (name: string) =>
  `orders@${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}.example`;

/** Sold in packs: cheap small goods by 6, others by 4, dear ones singly. */
const packSizeOf = (priceAmount: number) => (priceAmount < 3000 ? 6 : priceAmount < 10000 ? 4 : 1);

/** Whole packs, at least `units`. */
const inPacks = (units: number, pack: number) => Math.max(pack, Math.ceil(units / pack) * pack);

/**
 * The demo's purchasing, made through the services an operator would use: a supplier per maker
 * (terms, a catalog at about 40 % of the price), a purchase order received in full (so variants
 * have an average cost), one sent and half received for what runs out soonest (so stock is
 * incoming and the supplier's e-mail is in the Mail screen), a draft to a maker billing in another
 * currency, a transfer to the fulfilment partner in transit, and a marketplace channel.
 */
export async function seedDemoPurchasing(
  db: Db,
  actor: Actor,
  store: DemoStore,
  variants: readonly DemoStockVariant[],
  locations: { warehouse: string; partner: string },
  mailFrom: string,
): Promise<void> {
  const ctx = { store, actor };
  await db.transaction(async (tx) => {
    const byMaker = new Map<string, DemoStockVariant[]>();
    for (const variant of variants) {
      const maker =
        variant.vendor === store.name ? (ownBrandMakers[store.handle] ?? 'Contract maker') : variant.vendor;
      byMaker.set(maker, [...(byMaker.get(maker) ?? []), variant]);
    }
    const suppliers = new Map<
      string,
      { id: string; currency: string; rate: number | undefined; leadTimeDays: number }
    >();
    for (const [maker, sold] of byMaker) {
      const foreign = foreignSuppliers[maker];
      const currency =
        foreign && foreign.currency !== store.baseCurrency ? foreign.currency : store.baseCurrency;
      const rate = currency === store.baseCurrency ? undefined : foreign?.rateTo[store.baseCurrency];
      const supplier = await createSupplier(tx, store.id, actor, {
        name: maker,
        contactName: 'Order desk',
        email: emailOf(maker),
        currency,
        leadTimeDays: leadTimes[maker] ?? 14,
        orderFormat: suppliers.size % 3 === 2 ? 'csv' : 'pdf',
      });
      suppliers.set(maker, { id: supplier.id, currency, rate, leadTimeDays: supplier.leadTimeDays });
      await upsertSupplierVariants(tx, store.id, actor, supplier.id, {
        items: sold.map((v, i) => ({
          variantId: v.variantId,
          supplierSku: `${maker.slice(0, 3).toUpperCase()}-${1001 + i}`,
          // About 40 % of the price, in the supplier's currency.
          cost: { amount: Math.round((v.priceAmount * 0.4) / (rate ?? 1)) },
          packSize: packSizeOf(v.priceAmount),
          preferred: true,
        })),
      });
    }
    const order = async (
      maker: string,
      lines: DemoStockVariant[],
      units: (v: DemoStockVariant) => number,
    ) => {
      const supplier = suppliers.get(maker)!;
      const expected = new Date(Date.now() + supplier.leadTimeDays * 24 * 3600 * 1000);
      return createPurchaseOrder(tx, ctx, {
        supplierId: supplier.id,
        locationId: locations.warehouse,
        expectedOn: expected.toISOString().slice(0, 10),
        ...(supplier.rate ? { exchangeRate: supplier.rate } : {}),
        lines: lines.map((v) => ({
          variantId: v.variantId,
          quantity: inPacks(units(v), packSizeOf(v.priceAmount)),
        })),
      });
    };
    const makers = [...byMaker.keys()];
    const home = makers.filter((m) => !suppliers.get(m)!.rate);

    // Received in full: the biggest maker's well-stocked goods.
    const biggest = home.sort((a, b) => byMaker.get(b)!.length - byMaker.get(a)!.length)[0]!;
    const stocked = byMaker
      .get(biggest)!
      .filter((v) => v.warehouseUnits >= 30)
      .slice(0, 3);
    if (stocked.length > 0) {
      const received = await order(biggest, stocked, () => 24);
      await sendPurchaseOrder(tx, { ...ctx, mailFrom }, received.id);
      await receivePurchaseOrder(tx, ctx, received.id, {
        lines: stocked.map((v) => ({
          variantId: v.variantId,
          quantity: inPacks(24, packSizeOf(v.priceAmount)),
        })),
      });
    }

    // Sent, half received: what runs out soonest, from its maker, four weeks' worth.
    const soonest = variants
      .filter((v) => v.warehouseUnits > 0 && v.unitsPerDay > 0)
      .sort((a, b) => a.warehouseUnits / a.unitsPerDay - b.warehouseUnits / b.unitsPerDay)[0];
    const soonestMaker = soonest && makers.find((m) => byMaker.get(m)!.includes(soonest));
    if (soonest && soonestMaker) {
      const lines = [
        soonest,
        ...byMaker
          .get(soonestMaker)!
          .filter((v) => v !== soonest)
          .slice(0, 1),
      ];
      const sent = await order(soonestMaker, lines, (v) => v.unitsPerDay * 28);
      await sendPurchaseOrder(tx, { ...ctx, mailFrom }, sent.id);
      const first = lines[0]!;
      await receivePurchaseOrder(tx, ctx, sent.id, {
        lines: [{ variantId: first.variantId, quantity: packSizeOf(first.priceAmount) }],
      });
    }

    // A draft to a maker abroad, at its exchange rate.
    const abroad = makers.find((m) => suppliers.get(m)!.rate);
    if (abroad) await order(abroad, byMaker.get(abroad)!.slice(0, 2), (v) => v.unitsPerDay * 35);

    // The fulfilment partner gets stock of two well-stocked goods: on its way.
    const toPartner = variants.filter((v) => v.warehouseUnits >= 40).slice(0, 2);
    if (toPartner.length > 0) {
      const transfer = await createTransfer(tx, store.id, {
        fromLocationId: locations.warehouse,
        toLocationId: locations.partner,
        lines: toPartner.map((v) => ({ variantId: v.variantId, quantity: 10 })),
        note: 'Stock for the partner’s next-day delivery area',
      });
      await shipTransfer(tx, store.id, actor, transfer.id);
    }

    await ensureDefaultChannel(tx, store.id);
    await createChannel(tx, store.id, {
      name: 'Marketplace',
      kind: 'marketplace',
      safetyBuffer: 2,
      locationIds: [locations.warehouse],
    });
  });
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { cachedConfig } from '../../platform/cache/index.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import {
  type ShippingTaxation,
  shippingTaxations,
  type TaxBasis,
  type TaxRounding,
  taxBasis,
  taxRoundings,
  taxSettings,
} from './schema.ts';
import { type TaxAddress, taxAddressInput } from './tax-address.ts';
import { requireTaxClasses, taxClassHandle } from './tax-classes.ts';
import { emitTaxUpdated, taxTopic } from './tax-events.ts';

export interface TaxSettings {
  /** Whether the catalog's prices (and shipping rates) are entered with tax in them. */
  pricesIncludeTax: boolean;
  taxBasedOn: TaxBasis;
  /** The store's own address: taxes orders when `taxBasedOn` is 'store_address'. */
  storeAddress: { country: string; region: string | null } | null;
  shippingTaxation: ShippingTaxation;
  /** The class shipping is taxed as, when `shippingTaxation` is 'class'. */
  shippingTaxClass: string | null;
  rounding: TaxRounding;
}

/** What a store has until it changes something: net prices, taxed where goods go, per-line rounding. */
export const defaultTaxSettings: TaxSettings = {
  pricesIncludeTax: false,
  taxBasedOn: 'shipping_address',
  storeAddress: null,
  shippingTaxation: 'proportional',
  shippingTaxClass: null,
  rounding: 'per_line',
};

export const updateTaxSettingsInput = z
  .object({
    pricesIncludeTax: z.boolean(),
    taxBasedOn: z.enum(taxBasis),
    storeAddress: taxAddressInput.nullable(),
    shippingTaxation: z.enum(shippingTaxations),
    shippingTaxClass: taxClassHandle.nullable(),
    rounding: z.enum(taxRoundings),
  })
  .partial()
  .strict();
export type UpdateTaxSettingsInput = z.input<typeof updateTaxSettingsInput>;

export function getTaxSettings(db: Db, storeId: string): Promise<TaxSettings> {
  return cachedConfig(`${storeId}:tax-settings`, [taxTopic(storeId)], () => readTaxSettings(db, storeId));
}

async function readTaxSettings(db: Db, storeId: string): Promise<TaxSettings> {
  const [row] = await db.select().from(taxSettings).where(eq(taxSettings.storeId, storeId));
  if (!row) return defaultTaxSettings;
  return {
    pricesIncludeTax: row.pricesIncludeTax,
    taxBasedOn: row.taxBasedOn,
    storeAddress: row.originCountry ? { country: row.originCountry, region: row.originRegion } : null,
    shippingTaxation: row.shippingTaxation,
    shippingTaxClass: row.shippingTaxClass,
    rounding: row.rounding,
  };
}

/**
 * Changes the settings (fields left out stay). Choosing another shipping taxation than 'class'
 * forgets the shipping class. Errors: 422 `shipping_tax_class_required` (taxed as a class, none
 * named), 422 `shipping_tax_class_unused` (a class named for another taxation), 422
 * `unknown_tax_class`, 422 `store_address_required` (tax based on the store's address, none given).
 */
export async function updateTaxSettings(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: UpdateTaxSettingsInput,
): Promise<TaxSettings> {
  const data = updateTaxSettingsInput.parse(input);
  // Lock the row (if any) so two changes at once apply one after the other.
  await tx.select().from(taxSettings).where(eq(taxSettings.storeId, storeId)).for('update');
  const before = await getTaxSettings(tx, storeId);
  const after: TaxSettings = { ...before, ...data };
  if (data.shippingTaxation && data.shippingTaxation !== 'class' && data.shippingTaxClass === undefined) {
    after.shippingTaxClass = null;
  }
  if (after.shippingTaxation === 'class' && !after.shippingTaxClass) {
    throw unprocessable('shipping_tax_class_required', 'Shipping taxed as a class needs the class.', {
      path: 'shippingTaxClass',
    });
  }
  if (after.shippingTaxation !== 'class' && after.shippingTaxClass) {
    throw unprocessable(
      'shipping_tax_class_unused',
      "A shipping class applies only when shipping is taxed as a class ('class').",
      { path: 'shippingTaxClass' },
    );
  }
  if (after.shippingTaxClass) await requireTaxClasses(tx, storeId, [after.shippingTaxClass]);
  if (after.taxBasedOn === 'store_address' && !after.storeAddress) {
    throw unprocessable('store_address_required', "Tax based on the store's address needs the address.", {
      path: 'storeAddress',
    });
  }
  const row = {
    pricesIncludeTax: after.pricesIncludeTax,
    taxBasedOn: after.taxBasedOn,
    originCountry: after.storeAddress?.country ?? null,
    originRegion: after.storeAddress?.region ?? null,
    shippingTaxation: after.shippingTaxation,
    shippingTaxClass: after.shippingTaxClass,
    rounding: after.rounding,
    updatedAt: now(),
  };
  await tx
    .insert(taxSettings)
    .values({ storeId, ...row })
    .onConflictDoUpdate({ target: taxSettings.storeId, set: row });
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.settings_updated',
    entityType: 'tax_settings',
    entityId: storeId,
    before,
    after,
  });
  await emitTaxUpdated(tx, storeId, 'settings', { fields: Object.keys(data) });
  return after;
}

/** The address that decides the tax, by the settings (docs/tax.md, "Which address"). */
export function taxAddressOf(
  settings: Pick<TaxSettings, 'taxBasedOn' | 'storeAddress'>,
  addresses: { shipping?: TaxAddress | null; billing?: TaxAddress | null },
): { address: TaxAddress; source: TaxBasis } | null {
  if (settings.taxBasedOn === 'store_address') {
    return settings.storeAddress ? { address: settings.storeAddress, source: 'store_address' } : null;
  }
  // A cart may lack one of the two (a digital order has no shipping address): the other one stands in.
  const order: TaxBasis[] =
    settings.taxBasedOn === 'billing_address'
      ? ['billing_address', 'shipping_address']
      : ['shipping_address', 'billing_address'];
  for (const source of order) {
    const address = source === 'billing_address' ? addresses.billing : addresses.shipping;
    if (address) return { address, source };
  }
  return null;
}

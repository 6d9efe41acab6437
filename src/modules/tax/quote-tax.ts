import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { findProductIds } from '../catalog/index.ts';
import { computeTax, type TaxComputation } from './compute-tax.ts';
import { taxClassesOfProducts } from './product-classes.ts';
import { type DestinationRates, resolveRates } from './resolve-rates.ts';
import type { TaxBasis } from './schema.ts';
import type { TaxAddress } from './tax-address.ts';
import { getTaxSettings, taxAddressOf } from './tax-settings.ts';

export interface TaxQuoteLine {
  lineId: string;
  /** The catalog product: its tax class is looked up (standard unless assigned another). */
  productId?: string | null;
  /** A class for the line instead of the product's (or for a line that is no product). */
  taxClass?: string | null;
  /** After discounts, in minor units of `currency`; net or gross as the store's prices are entered. */
  amount: number;
  quantity: number;
}

export interface TaxQuoteRequest {
  currency: string;
  lines: readonly TaxQuoteLine[];
  /** The shipping amount charged, entered like prices (with tax when prices include it). */
  shipping?: { amount: number } | null;
  shippingAddress?: TaxAddress | null;
  billingAddress?: TaxAddress | null;
}

export interface TaxQuote extends TaxComputation {
  /** The address that decided the tax and why it was that one. */
  taxAddress: { country: string; region: string | null; source: TaxBasis };
  /** Whether the region's own rates, the country's or none applied. */
  rateLevel: DestinationRates['level'];
}

/**
 * The tax of a cart as the store's settings say: the address by `tax_based_on`, the products'
 * classes, the rates there, shipping and rounding as set. This is what the cart, checkout and the
 * admin's preview call, so a previewed tax is the tax charged. Errors: 422 `tax_address_required`,
 * 422 `unknown_products` and everything computeTax and resolveRates raise.
 */
export async function quoteTax(db: Db, storeId: string, request: TaxQuoteRequest): Promise<TaxQuote> {
  const settings = await getTaxSettings(db, storeId);
  const chosen = taxAddressOf(settings, {
    shipping: request.shippingAddress ?? null,
    billing: request.billingAddress ?? null,
  });
  if (!chosen) {
    throw unprocessable(
      'tax_address_required',
      settings.taxBasedOn === 'store_address'
        ? "Tax is based on the store's address, and the settings have none."
        : 'A shipping or billing address is needed to work out the tax.',
      { taxBasedOn: settings.taxBasedOn },
    );
  }
  const productIds = request.lines.flatMap((line) =>
    !line.taxClass && line.productId ? [line.productId] : [],
  );
  const known = await findProductIds(db, storeId, productIds);
  const unknown = [...new Set(productIds.filter((id) => !known.has(id)))];
  if (unknown.length > 0) {
    throw unprocessable('unknown_products', `${unknown.length} product(s) are not in this store.`, {
      productIds: unknown.slice(0, 100),
    });
  }
  const [classOf, rates] = await Promise.all([
    taxClassesOfProducts(db, storeId, productIds),
    resolveRates(db, storeId, chosen.address),
  ]);
  const computation = computeTax({
    currency: request.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    rounding: settings.rounding,
    lines: request.lines.map((line) => ({
      lineId: line.lineId,
      amount: line.amount,
      quantity: line.quantity,
      taxClass: line.taxClass || (line.productId ? classOf.get(line.productId) : null) || null,
    })),
    shipping: request.shipping
      ? {
          amount: request.shipping.amount,
          taxation: settings.shippingTaxation,
          taxClass: settings.shippingTaxClass,
        }
      : null,
    rates,
  });
  return {
    ...computation,
    taxAddress: { country: rates.country, region: rates.region, source: chosen.source },
    rateLevel: rates.level,
  };
}

import { z } from 'zod';
import { isCountryCode } from '../../platform/countries/country-codes.ts';
import { unprocessable } from '../../platform/errors.ts';
import { isCurrencyCode } from '../../platform/money/currencies.ts';
import { orderSources } from './schema.ts';

const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const orderAddressInput = z
  .object({
    firstName: shortText(100),
    lastName: shortText(100),
    company: optionalText(200),
    line1: shortText(200),
    line2: optionalText(200),
    city: shortText(100),
    region: optionalText(10),
    postalCode: optionalText(20),
    country: z.string().refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.'),
    phone: optionalText(40),
  })
  .strict();

const taxLine = z
  .object({ rateId: z.string().max(64), name: z.string().max(200), ratePpm: z.number().int().min(0), amount })
  .strict();

const lineInput = z
  .object({
    variantId: z.string().max(64).nullable(),
    productId: z.string().max(64).nullable(),
    title: shortText(500),
    variantTitle: optionalText(500),
    sku: optionalText(200),
    quantity: z.number().int().min(1).max(1_000_000),
    unitAmount: amount,
    subtotal: amount,
    discount: amount,
    discountAllocations: z.array(z.object({ discountId: z.string().max(64), amount }).strict()).max(50),
    tax: amount,
    taxLines: z.array(taxLine).max(20),
    total: amount,
    requiresShipping: z.boolean(),
    weightGrams: z.number().int().min(0).nullable(),
  })
  .strict();

export const newOrderInput = z
  .object({
    source: z.enum(orderSources),
    checkoutId: z.string().max(64).nullable(),
    customerId: z.string().max(64).nullable(),
    email: z
      .email()
      .max(320)
      .transform((e) => e.toLowerCase()),
    phone: optionalText(40),
    locale: z.string().min(2).max(35),
    marketId: z.string().max(64).nullable(),
    currency: z.string().refine(isCurrencyCode, 'Not an ISO 4217 currency code.'),
    taxesIncluded: z.boolean(),
    shippingAddress: orderAddressInput.nullable(),
    billingAddress: orderAddressInput.nullable(),
    lines: z.array(lineInput).min(1).max(250),
    shipping: z
      .object({
        optionKey: shortText(200),
        title: shortText(200),
        kind: z.enum(['delivery', 'pickup']),
        locationId: z.string().max(64).nullable(),
        amount,
        discount: amount,
        tax: amount,
        taxLines: z.array(taxLine).max(20),
        total: amount,
        estimate: z.object({ earliest: z.iso.date(), latest: z.iso.date() }).strict().nullable(),
      })
      .strict()
      .nullable(),
    discounts: z
      .array(
        z
          .object({
            discountId: z.string().max(64),
            title: z.string().max(300),
            code: z.string().max(100).nullable(),
            amount,
          })
          .strict(),
      )
      .max(50),
    totals: z
      .object({
        subtotal: amount,
        discountTotal: amount,
        shippingTotal: amount,
        taxTotal: amount,
        total: amount,
      })
      .strict(),
    reservationId: z.string().max(64).nullable(),
    discountUsageRef: z.string().max(200).nullable(),
    paymentProvider: z.string().max(40).nullable().default(null),
    note: optionalText(5000),
    tags: z.array(shortText(60)).max(50).default([]),
  })
  .strict();

export type NewOrder = z.input<typeof newOrderInput>;
export type ParsedNewOrder = z.output<typeof newOrderInput>;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The arithmetic an order must satisfy before it is stored, so every total on it adds up:
 * each line's subtotal is its units, its discount and tax are the sums of their parts, its total
 * is subtotal − discount (+ tax when prices exclude it); the order's totals are the sums of its
 * lines and shipping. Checkout computes them; this refuses an order whose numbers disagree.
 */
export function assertOrderArithmetic(order: ParsedNewOrder): void {
  const problems: string[] = [];
  const taxAdded = order.taxesIncluded ? 0 : 1;
  order.lines.forEach((line, i) => {
    if (line.unitAmount * line.quantity !== line.subtotal) problems.push(`lines.${i}.subtotal`);
    if (sum(line.discountAllocations.map((a) => a.amount)) !== line.discount)
      problems.push(`lines.${i}.discount`);
    if (line.discount > line.subtotal) problems.push(`lines.${i}.discount`);
    if (sum(line.taxLines.map((t) => t.amount)) !== line.tax) problems.push(`lines.${i}.tax`);
    if (line.subtotal - line.discount + taxAdded * line.tax !== line.total) problems.push(`lines.${i}.total`);
  });
  const shipping = order.shipping;
  if (shipping) {
    if (sum(shipping.taxLines.map((t) => t.amount)) !== shipping.tax) problems.push('shipping.tax');
    if (shipping.amount - shipping.discount + taxAdded * shipping.tax !== shipping.total)
      problems.push('shipping.total');
  }
  const totals = order.totals;
  const lineSubtotals = sum(order.lines.map((l) => l.subtotal));
  const discounts = sum(order.lines.map((l) => l.discount)) + (shipping?.discount ?? 0);
  const taxes = sum(order.lines.map((l) => l.tax)) + (shipping?.tax ?? 0);
  if (totals.subtotal !== lineSubtotals) problems.push('totals.subtotal');
  if (totals.discountTotal !== discounts) problems.push('totals.discountTotal');
  if (sum(order.discounts.map((d) => d.amount)) !== discounts) problems.push('discounts');
  if (totals.shippingTotal !== (shipping?.total ?? 0)) problems.push('totals.shippingTotal');
  if (totals.taxTotal !== taxes) problems.push('totals.taxTotal');
  if (totals.total !== sum(order.lines.map((l) => l.total)) + (shipping?.total ?? 0))
    problems.push('totals.total');
  if (problems.length > 0) {
    throw unprocessable('order_totals_mismatch', 'The order’s amounts do not add up.', { paths: problems });
  }
}

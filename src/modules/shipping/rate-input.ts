import { z } from 'zod';
import { isCurrencyCode } from '../../platform/money.ts';

/** Minor units of the price's currency: whole, 0 or more. */
const minorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const optionalMinorUnits = minorUnits.nullable().default(null);
/** A heavier limit than any cart could weigh (100 t) keeps sums of grams far from unsafe integers. */
const grams = z.number().int().min(0).max(100_000_000);

const currency = z
  .string()
  .transform((c) => c.toUpperCase())
  .refine(isCurrencyCode, 'Not an ISO 4217 currency code, e.g. EUR.');

/** Subtotal conditions and the free-above threshold: money, so per currency. */
const priceConditions = {
  currency,
  /** A subtotal of at least this ships free (the threshold itself included). */
  freeAbove: optionalMinorUnits,
  minSubtotal: optionalMinorUnits,
  maxSubtotal: optionalMinorUnits,
};

const subtotalLimitsInOrder = (p: { minSubtotal: number | null; maxSubtotal: number | null }) =>
  p.minSubtotal === null || p.maxSubtotal === null || p.minSubtotal <= p.maxSubtotal;
const subtotalLimitsMessage = {
  message: 'minSubtotal must not be above maxSubtotal.',
  path: ['maxSubtotal'],
};

const weightBand = z
  .object({
    /** Up to and including this weight; null on the last band: no upper limit. */
    upToGrams: grams.min(1).nullable(),
    amount: minorUnits,
  })
  .strict();

const subtotalBand = z
  .object({
    /** From and including this subtotal (minor units); the first band starts at 0. */
    fromSubtotal: minorUnits,
    amount: minorUnits,
  })
  .strict();

const weightBands = z
  .array(weightBand)
  .min(1, 'Give at least one band.')
  .max(50)
  .superRefine((bands, ctx) => {
    bands.forEach((band, i) => {
      const previous = bands[i - 1]?.upToGrams;
      if (band.upToGrams === null && i < bands.length - 1) {
        ctx.addIssue({
          code: 'custom',
          message: 'Only the last band may be open-ended.',
          path: [i, 'upToGrams'],
        });
      }
      if (i > 0 && band.upToGrams !== null && previous != null && band.upToGrams <= previous) {
        ctx.addIssue({
          code: 'custom',
          message: 'Band limits must strictly increase.',
          path: [i, 'upToGrams'],
        });
      }
    });
  });

const subtotalBands = z
  .array(subtotalBand)
  .min(1, 'Give at least one band.')
  .max(50)
  .superRefine((bands, ctx) => {
    if (bands[0] && bands[0].fromSubtotal !== 0) {
      ctx.addIssue({ code: 'custom', message: 'The first band starts at 0.', path: [0, 'fromSubtotal'] });
    }
    bands.forEach((band, i) => {
      if (i > 0 && band.fromSubtotal <= bands[i - 1]!.fromSubtotal) {
        ctx.addIssue({
          code: 'custom',
          message: 'Band starts must strictly increase.',
          path: [i, 'fromSubtotal'],
        });
      }
    });
  });

export const flatPrice = z
  .object({ ...priceConditions, amount: minorUnits })
  .strict()
  .refine(subtotalLimitsInOrder, subtotalLimitsMessage);
export const weightBandsPrice = z
  .object({ ...priceConditions, weightBands })
  .strict()
  .refine(subtotalLimitsInOrder, subtotalLimitsMessage);
export const subtotalBandsPrice = z
  .object({ ...priceConditions, subtotalBands })
  .strict()
  .refine(subtotalLimitsInOrder, subtotalLimitsMessage);

/** One entry per currency: a cart is charged the entry in its own currency, never a converted one. */
function pricesOf<T extends z.ZodType<{ currency: string }>>(price: T) {
  return z
    .array(price)
    .min(1, 'Give the amounts in at least one currency.')
    .max(60)
    .superRefine((prices, ctx) => {
      const seen = new Set<string>();
      prices.forEach((p, i) => {
        if (seen.has(p.currency)) {
          ctx.addIssue({ code: 'custom', message: `${p.currency} is given twice.`, path: [i, 'currency'] });
        }
        seen.add(p.currency);
      });
    });
}

const estimate = z
  .object({ minDays: z.number().int().min(0).max(365), maxDays: z.number().int().min(0).max(365) })
  .strict()
  .refine((e) => e.minDays <= e.maxDays, {
    message: 'minDays must not be above maxDays.',
    path: ['maxDays'],
  });

/** Fields without defaults, so an update that leaves one out leaves it as it is. */
const rateFields = {
  /** What shoppers see: "Standard", "Express". */
  name: z.string().trim().min(1).max(80),
  minWeightGrams: grams.nullable(),
  maxWeightGrams: grams.nullable(),
  /** Delivery in business days; null: no estimate shown. */
  estimate: estimate.nullable(),
  active: z.boolean(),
  /** Order among the zone's rates (lowest first) when amounts tie. */
  position: z.number().int().min(0).max(10_000),
};

const createFields = {
  ...rateFields,
  minWeightGrams: rateFields.minWeightGrams.default(null),
  maxWeightGrams: rateFields.maxWeightGrams.default(null),
  estimate: rateFields.estimate.default(null),
  active: rateFields.active.default(true),
  /** Left out: after the zone's last rate. */
  position: rateFields.position.optional(),
};

const weightLimitsInOrder = (r: { minWeightGrams: number | null; maxWeightGrams: number | null }) =>
  r.minWeightGrams === null || r.maxWeightGrams === null || r.minWeightGrams <= r.maxWeightGrams;

/** A new rate; the shape of `prices` follows `type`. */
export const createRateInput = z
  .discriminatedUnion('type', [
    z.object({ ...createFields, type: z.literal('flat'), prices: pricesOf(flatPrice) }).strict(),
    z
      .object({ ...createFields, type: z.literal('weight_bands'), prices: pricesOf(weightBandsPrice) })
      .strict(),
    z
      .object({ ...createFields, type: z.literal('subtotal_bands'), prices: pricesOf(subtotalBandsPrice) })
      .strict(),
  ])
  .refine(weightLimitsInOrder, {
    message: 'minWeightGrams must not be above maxWeightGrams.',
    path: ['maxWeightGrams'],
  });
export type CreateRateInput = z.input<typeof createRateInput>;

/**
 * A change to a rate: any field; `prices` replaces all of the rate's prices and must fit its type
 * (a changed `type` needs new `prices`). The merged rate is checked like a new one.
 */
export const updateRateInput = z
  .object({
    ...rateFields,
    type: z.enum(['flat', 'weight_bands', 'subtotal_bands']),
    prices: z
      .array(z.union([flatPrice, weightBandsPrice, subtotalBandsPrice]))
      .min(1)
      .max(60),
  })
  .partial()
  .strict();
export type UpdateRateInput = z.input<typeof updateRateInput>;

import { ZodError, z } from 'zod';
import { now } from '../../platform/clock.ts';
import { isCurrencyCode } from '../../platform/money/currencies.ts';
import { discountKinds, discountTypes } from './engine/types.ts';

/*
 * What a discount is, as the admin API takes it. Shapes are strict (unknown fields are refused);
 * the rules between fields (a percentage needs `percentBp`, a window ends after it starts…) are
 * checked on the whole definition, so an update is checked merged with what it changes.
 */

const id = z.string().min(1).max(64);
const ids = z
  .array(id)
  .min(1)
  .max(250)
  .transform((list) => [...new Set(list)]);

/** Minor units, positive, per upper-case ISO 4217 code: `{ "EUR": 500 }`. */
const currencyAmounts = z
  .record(
    z.string().refine((code): boolean => isCurrencyCode(code), 'Not an ISO 4217 currency code (upper case).'),
    z.number().int('Send amounts in minor units (an integer).').min(1).max(1_000_000_000_000),
  )
  .refine((amounts) => Object.keys(amounts).length >= 1, 'Give an amount in at least one currency.')
  .refine((amounts) => Object.keys(amounts).length <= 50, 'At most 50 currencies.');

/** Letters, digits, `-` and `_`, 3 to 40 characters; compared without regard to case. */
export const discountCode = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/,
    'Use 3 to 40 letters, digits, - or _, starting with a letter or digit.',
  );

const segment = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_:-]{0,63}$/, 'Use lower-case letters, digits, _, : or -.');

const productsTarget = z.object({ scope: z.literal('products'), productIds: ids }).strict();
const collectionsTarget = z.object({ scope: z.literal('collections'), collectionIds: ids }).strict();
const itemTarget = z.discriminatedUnion('scope', [productsTarget, collectionsTarget]);
const discountTarget = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('order') }).strict(),
  productsTarget,
  collectionsTarget,
]);

const buyXGetY = z
  .object({
    buys: z
      .object({
        items: itemTarget,
        /** Units of X per use… */
        quantity: z.number().int().min(1).max(1000).nullable().default(null),
        /** …or the amount to spend on X per use, per currency. */
        minimumAmounts: currencyAmounts.nullable().default(null),
      })
      .strict()
      .refine((b) => (b.quantity === null) !== (b.minimumAmounts === null), {
        message: 'Give either quantity or minimumAmounts.',
        path: ['quantity'],
      }),
    gets: z
      .object({
        items: itemTarget,
        quantity: z.number().int().min(1).max(1000),
        /** Off each Y unit, basis points: 10000 = free. */
        percentBp: z.number().int().min(1).max(10000),
      })
      .strict(),
    maxUsesPerOrder: z.number().int().min(1).max(1000).nullable().default(null),
  })
  .strict();

const isoTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO 8601 time with a zone, e.g. 2025-06-01T00:00:00Z.',
});

const definitionFields = {
  title: z.string().trim().min(1).max(200),
  kind: z.enum(discountKinds),
  /** `code` discounts: up to 100 here; generate more with …/codes/generate. */
  codes: z.array(discountCode).max(100),
  type: z.enum(discountTypes),
  /** `percentage`: basis points, 1..10000 (1250 = 12.5 %). */
  percentBp: z.number().int().min(1).max(10000).nullable(),
  /** `fixed_amount`: minor units per currency. */
  amounts: currencyAmounts.nullable(),
  appliesTo: discountTarget,
  /** `fixed_amount` on products or collections: false takes the amount off each unit. */
  oncePerOrder: z.boolean(),
  buyXGetY: buyXGetY.nullable(),
  minimumSubtotal: currencyAmounts.nullable(),
  minimumQuantity: z.number().int().min(1).max(1_000_000).nullable(),
  /** Segment names the customers module gives customers; empty: everyone. */
  customerSegments: z.array(segment).max(50),
  startsAt: isoTime,
  endsAt: isoTime.nullable(),
  usageLimit: z.number().int().min(1).max(1_000_000_000).nullable(),
  perCustomerLimit: z.number().int().min(1).max(1_000_000).nullable(),
  combinesWith: z.object({ order: z.boolean(), product: z.boolean(), shipping: z.boolean() }).strict(),
  enabled: z.boolean(),
};

type Fields = { [K in keyof typeof definitionFields]: z.output<(typeof definitionFields)[K]> };

/** The rules between fields; each problem names the field to change. */
function checkDefinition(d: Fields, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (d.kind === 'automatic' && d.codes.length > 0) problem('codes', 'Automatic discounts have no codes.');
  const seen = new Set<string>();
  for (const code of d.codes) {
    if (seen.has(code.toLowerCase())) problem('codes', `The code ${code} is given twice (case is ignored).`);
    seen.add(code.toLowerCase());
  }
  const needs = {
    percentBp: d.type === 'percentage',
    amounts: d.type === 'fixed_amount',
    buyXGetY: d.type === 'buy_x_get_y',
  };
  for (const [field, needed] of Object.entries(needs) as [keyof typeof needs, boolean][]) {
    if (needed && d[field] === null) problem(field, `A ${d.type} discount needs ${field}.`);
    if (!needed && d[field] !== null)
      problem(
        field,
        `Only for ${field === 'percentBp' ? 'percentage' : field === 'amounts' ? 'fixed_amount' : 'buy_x_get_y'} discounts.`,
      );
  }
  if ((d.type === 'free_shipping' || d.type === 'buy_x_get_y') && d.appliesTo.scope !== 'order') {
    problem('appliesTo', `A ${d.type} discount has no target of its own: leave appliesTo as the order.`);
  }
  if (!d.oncePerOrder && !(d.type === 'fixed_amount' && d.appliesTo.scope !== 'order')) {
    problem('oncePerOrder', 'Only a fixed amount on products or collections can apply to each unit.');
  }
  if (d.minimumSubtotal !== null && d.minimumQuantity !== null) {
    problem('minimumQuantity', 'Give a minimum subtotal or a minimum quantity, not both.');
  }
  if (d.endsAt !== null && Date.parse(d.endsAt) <= Date.parse(d.startsAt)) {
    problem('endsAt', 'The end must be after the start.');
  }
}

/** A complete definition (what creating takes, with defaults; what an update must add up to). */
export const discountDefinition = z
  .object({
    ...definitionFields,
    codes: definitionFields.codes.default([]),
    percentBp: definitionFields.percentBp.default(null),
    amounts: definitionFields.amounts.default(null),
    appliesTo: definitionFields.appliesTo.default({ scope: 'order' }),
    oncePerOrder: definitionFields.oncePerOrder.default(true),
    buyXGetY: definitionFields.buyXGetY.default(null),
    minimumSubtotal: definitionFields.minimumSubtotal.default(null),
    minimumQuantity: definitionFields.minimumQuantity.default(null),
    customerSegments: definitionFields.customerSegments.default([]),
    /** Now, when left out. */
    startsAt: definitionFields.startsAt.optional(),
    endsAt: definitionFields.endsAt.default(null),
    usageLimit: definitionFields.usageLimit.default(null),
    perCustomerLimit: definitionFields.perCustomerLimit.default(null),
    combinesWith: definitionFields.combinesWith.default({ order: false, product: false, shipping: false }),
    enabled: definitionFields.enabled.default(true),
  })
  .strict()
  .superRefine((d, ctx) => checkDefinition({ ...d, startsAt: d.startsAt ?? now().toISOString() }, ctx));
export type DiscountDefinitionInput = z.input<typeof discountDefinition>;
export type DiscountDefinition = z.output<typeof discountDefinition>;

/** Any of the fields but the kind, which is fixed once created. */
export const updateDiscountInput = z.object(definitionFields).omit({ kind: true }).partial().strict();
export type UpdateDiscountInput = z.input<typeof updateDiscountInput>;

/**
 * Checks a definition the way the route body is checked, naming fields under `body.` (an update
 * merged with the discount it changes is only whole here).
 */
export function parseDefinition(input: unknown): DiscountDefinition {
  const parsed = discountDefinition.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ['body', ...issue.path] })));
}

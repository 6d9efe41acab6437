import { z } from 'zod';
import { customerEmail } from '../../customers/index.ts';
import { cartAddressInput } from '../cart-address.ts';
import { cartLimits } from '../cart-limits.ts';

const id = z.string().trim().min(1).max(64);

const lineInput = z
  .object({ variantId: id, quantity: z.number().int().min(1).max(cartLimits.maxQuantity) })
  .strict();

/** The customer a draft is for: a customer of the store by id, or an e-mail (the store's customer with it, if any). */
const customerInput = z
  .object({ customerId: id.optional(), email: customerEmail.optional() })
  .strict()
  .refine(
    (c) => (c.customerId === undefined) !== (c.email === undefined),
    'Give either customerId or email.',
  );

const codeInput = z.string().trim().min(1).max(64);

/**
 * What staff set on a draft order, on creation or as a change: each field left out stays as it
 * is, null clears it. `lines` and `discountCodes` replace the draft's (a variant at most once, so a
 * line is named by its variant). A shipping address in another country moves the draft to that
 * country's market and forgets the shipping option, unless the same change chooses one.
 */
export const draftOrderInput = z
  .object({
    lines: z
      .array(lineInput)
      .max(cartLimits.maxLines)
      .superRefine((lines, context) => {
        lines.forEach((line, index) => {
          if (lines.findIndex((l) => l.variantId === line.variantId) !== index) {
            context.addIssue({
              code: 'custom',
              path: [index, 'variantId'],
              message: 'This variant is on the draft already.',
            });
          }
        });
      }),
    customer: customerInput.nullable(),
    shippingAddress: cartAddressInput.nullable(),
    billingAddress: cartAddressInput.nullable(),
    shippingOptionKey: id.nullable(),
    discountCodes: z
      .array(codeInput)
      .max(cartLimits.maxDiscountCodes)
      .transform((codes) =>
        codes.filter((code, i) => codes.findIndex((c) => c.toLowerCase() === code.toLowerCase()) === i),
      ),
    note: z.string().trim().max(5000),
  })
  .partial()
  .strict();
export type DraftOrderInput = z.input<typeof draftOrderInput>;
export type ParsedDraftOrderInput = z.output<typeof draftOrderInput>;

export const draftStatuses = ['open', 'invoice_sent', 'completed'] as const;
/** Open (being prepared), invoice sent (the customer has the payment link), completed (it is an order). */
export type DraftStatus = (typeof draftStatuses)[number];

/** The admin's list of drafts: by status, a search over name and e-mail, a page. */
export const draftListQuery = z
  .object({
    status: z.enum(draftStatuses).optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type DraftListQuery = z.input<typeof draftListQuery>;

/** The e-mail with the payment link: an optional message from staff above the order. */
export const draftInvoiceInput = z.object({ message: z.string().trim().max(2000).optional() }).strict();
export type DraftInvoiceInput = z.input<typeof draftInvoiceInput>;

/**
 * Staff took the payment themselves (phone, cash, a transfer already seen): `paymentPending` false
 * records it received, true leaves the order awaiting it. `expectedTotal` is the total staff were
 * shown: when the fresh price differs, nothing is placed (409 `cart_total_changed`).
 */
export const completeDraftInput = z
  .object({
    paymentPending: z.boolean(),
    expectedTotal: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();
export type CompleteDraftInput = z.input<typeof completeDraftInput>;

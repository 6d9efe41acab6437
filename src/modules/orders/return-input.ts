import { z } from 'zod';
import { unprocessable } from '../../platform/errors.ts';
import { returnDispositions, returnReasons, returnStatuses } from './schema.ts';

const id = z.string().trim().min(1).max(64);
const quantity = z.number().int().min(1).max(1_000_000);
const note = z.string().trim().max(2000);
const day = z.iso.date();

/** What the customer (on the order status page) or staff ask to send back. */
export const customerReturnInput = z
  .object({
    lines: z
      .array(z.object({ orderLineId: id, quantity, reason: z.enum(returnReasons) }).strict())
      .min(1)
      .max(250),
    comment: note.optional(),
  })
  .strict();

/** Staff may also open a return outside the window (`ignoreWindow`). */
export const staffReturnInput = customerReturnInput.extend({ ignoreWindow: z.boolean().optional() }).strict();

export const requestReturnInput = staffReturnInput
  .extend({ requestedBy: z.enum(['customer', 'staff']) })
  .strict();
export type RequestReturnInput = z.input<typeof requestReturnInput>;

export const approveReturnInput = z.object({ note: note.optional() }).strict();
export const rejectReturnInput = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const cancelReturnInput = z.object({ note: note.optional() }).strict();
export const closeReturnInput = z.object({ note: note.optional() }).strict();

export const receiveReturnInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            orderLineId: id,
            quantity,
            disposition: z.enum(returnDispositions),
            /** Restock only: where the units go back; where they were sold from when left out. */
            locationId: id.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(250),
    note: note.optional(),
  })
  .strict();
export type ReceiveReturnInput = z.input<typeof receiveReturnInput>;

export const refundReturnInput = z
  .object({
    /** Shipping given back too, minor units (as in a refund). */
    shipping: z
      .object({ amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })
      .strict()
      .optional(),
    /** A goodwill amount on top, minor units. */
    extraAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    note: note.optional(),
    notifyCustomer: z.boolean().default(true),
  })
  .strict();
export type RefundReturnInput = z.input<typeof refundReturnInput>;

export const exchangeReturnInput = z
  .object({
    lines: z
      .array(z.object({ orderLineId: id, variantId: id, quantity }).strict())
      .min(1)
      .max(250),
    note: note.optional(),
  })
  .strict();
export type ExchangeReturnInput = z.input<typeof exchangeReturnInput>;

export const returnListQuery = z
  .object({
    status: z.enum(returnStatuses).optional(),
    /** Asked for on or after this day, UTC. */
    from: day.optional(),
    /** … and on or before this day, UTC. */
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ReturnListQuery = z.input<typeof returnListQuery>;

export const returnReasonsQuery = z.object({ from: day, to: day }).strict();
export type ReturnReasonsQuery = z.input<typeof returnReasonsQuery>;

/** One line may be named once per request: two entries for it would be ambiguous. */
export function assertDistinctLines(lines: readonly { orderLineId: string }[]): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.orderLineId)) {
      throw unprocessable('duplicate_line', 'Each order line may be named once.', {
        path: `lines.${i}.orderLineId`,
        orderLineId: line.orderLineId,
      });
    }
    seen.add(line.orderLineId);
  });
}

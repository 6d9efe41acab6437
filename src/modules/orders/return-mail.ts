import type { Db } from '../../platform/db/database.ts';
import { type OrderMail, orderMail, orderMailVariables } from './order-mail.ts';
import type { Order, OrderLine, OrderReturn } from './order-read.ts';
import { returnNumber } from './return-read.ts';
import type { ReturnReason } from './schema.ts';

/** The reason codes in the customer's words (English; the mail templates may say them their own way). */
export const returnReasonLabels: Record<ReturnReason, string> = {
  too_small: 'Too small',
  too_large: 'Too large',
  not_as_described: 'Not as described',
  damaged: 'Arrived damaged',
  defective: 'Defective',
  wrong_item: 'Wrong item sent',
  changed_mind: 'Changed my mind',
  arrived_late: 'Arrived too late',
  other: 'Other',
};

/**
 * A return e-mail's variables (docs/transactional-mail.md): the order's (`orderMailVariables`) and
 * `return` — its number ("#1001-R1"), when it was asked for, the customer's comment and the lines it names (all of them,
 * or those of one receipt) with their reasons; `extra` adds what the e-mail is about (instructions,
 * the reason for declining).
 */
export async function returnMail(
  db: Db,
  order: Order,
  lines: readonly OrderLine[],
  orderReturn: OrderReturn,
  allReturns: readonly { id: string }[],
  options: {
    lines?: readonly { orderLineId: string; quantity: number }[];
    extra?: Record<string, unknown>;
  } = {},
): Promise<OrderMail> {
  const variables = await orderMailVariables(db, order, lines);
  const orderNameShown = (variables.order as { name: string }).name;
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  const reasonOf = new Map(orderReturn.lines.map((l) => [l.orderLineId, l.reason]));
  const named = options.lines ?? orderReturn.lines;
  return orderMail(order, {
    ...variables,
    return: {
      id: orderReturn.id,
      number: returnNumber(orderNameShown, allReturns, orderReturn.id),
      requested_at: orderReturn.requestedAt.toISOString(),
      comment: orderReturn.customerComment,
      instructions: null,
      note: null,
      lines: named.map(({ orderLineId, quantity }) => {
        const line = lineOf.get(orderLineId);
        const reason = reasonOf.get(orderLineId) ?? 'other';
        return {
          title: line?.title ?? '',
          variant_title: line?.variantTitle ?? null,
          sku: line?.sku ?? null,
          quantity,
          reason,
          reason_label: returnReasonLabels[reason],
        };
      }),
      ...options.extra,
    },
  });
}

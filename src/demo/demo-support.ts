import type { Actor, Store } from '../modules/access/index.ts';
import { getOrder } from '../modules/orders/index.ts';
import {
  addNote,
  changeTicket,
  openTicket,
  replyToTicket,
  type TicketChannel,
  type TicketPriority,
} from '../modules/support/index.ts';
import { runAt } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';

const HOUR = 60 * 60 * 1000;

interface DemoTicket {
  /** How long ago the customer wrote. */
  hoursAgo: number;
  channel: TicketChannel;
  subject: string;
  message: string;
  /** Index into the demo's recent orders (newest last), for a ticket about an order. */
  order?: number;
  /** Someone who has not ordered (a contact-form question). */
  stranger?: { name: string; email: string };
  priority?: TicketPriority;
  tags?: string[];
  /** The team's answer, hours after the customer wrote, and the status it leaves. */
  answer?: { afterHours: number; body: string; status: 'pending' | 'solved' | 'open' };
  note?: string;
}

/**
 * The inbox a manager finds on the first morning: questions about orders, from the contact form and
 * by e-mail, some answered and waiting for the customer, one solved last week, and some nobody has
 * answered yet — one of them long past its first-reply SLA, an urgent one close to it — so the
 * inbox's badges, the SLA filter, the macros and the briefing have something real to show.
 */
const tickets: DemoTicket[] = [
  {
    hoursAgo: 170,
    channel: 'order_page',
    order: -9,
    subject: 'Change of delivery address',
    message: 'Hello, I will be away next week. Could you send my order to my office instead?',
    answer: {
      afterHours: 3,
      body: 'Done: the parcel is redirected to your office address. Have a good trip!',
      status: 'solved',
    },
  },
  {
    hoursAgo: 75,
    channel: 'order_page',
    order: -4,
    subject: 'Where is my order?',
    message: 'I ordered last week and the tracking has not moved for three days. Is it lost?',
    tags: ['wismo'],
  },
  {
    hoursAgo: 30,
    channel: 'order_page',
    order: -6,
    subject: 'A bowl arrived chipped',
    message: 'One of the two bowls arrived with a chip on the rim. The box looked fine. Photo to follow.',
    priority: 'high',
    tags: ['damaged'],
    answer: {
      afterHours: 2,
      body: 'We are sorry about the bowl. Could you send us a photo of the chip? We will send a new one or refund it, as you prefer.',
      status: 'pending',
    },
    note: 'Second chipped bowl from this batch this month: check the packing with the warehouse.',
  },
  {
    hoursAgo: 20,
    channel: 'email',
    stranger: { name: 'Ingrid Solberg', email: 'ingrid.solberg@example.com' },
    subject: 'Wholesale prices for a café?',
    message:
      'Hi, we are opening a small café in Bergen and love your mugs. Do you offer wholesale prices for 60 pieces?',
    tags: ['wholesale'],
  },
  {
    hoursAgo: 4,
    channel: 'contact_form',
    stranger: { name: 'Luca Bianchi', email: 'luca.bianchi@example.com' },
    subject: 'Are the mugs dishwasher safe?',
    message: 'Before I order: can the stoneware mugs go in the dishwasher and the microwave?',
  },
  {
    hoursAgo: 1,
    channel: 'order_page',
    order: -1,
    subject: 'Charged twice',
    message: 'My card statement shows this order twice. Please refund the second payment.',
    priority: 'urgent',
    tags: ['billing'],
  },
];

/**
 * Opens the demo's support tickets at their own times (the business clock), so their SLA clocks,
 * "awaiting reply" and the metrics read as they would in a real week. `orderIds` are the orders the
 * demo placed through checkout, oldest first.
 */
export async function seedDemoSupport(
  db: Db,
  actor: Actor,
  store: Store,
  orderIds: readonly string[],
): Promise<void> {
  const now = Date.now();
  for (const t of tickets) {
    const orderId = t.order !== undefined ? orderIds.at(t.order) : undefined;
    const order = orderId ? await getOrder(db, store.id, orderId) : null;
    const requester =
      t.stranger ??
      (order
        ? {
            name:
              [order.shippingAddress?.firstName, order.shippingAddress?.lastName].filter(Boolean).join(' ') ||
              null,
            email: order.email,
          }
        : null);
    if (!requester) continue;
    const at = new Date(now - t.hoursAgo * HOUR);
    const { ticket, message } = await runAt(at, () =>
      db.transaction((tx) =>
        openTicket(tx, store.id, actor, {
          subject: t.subject,
          requesterEmail: requester.email,
          requesterName: requester.name,
          orderId: order?.id ?? null,
          channel: t.channel,
          ...(t.priority ? { priority: t.priority } : {}),
          ...(t.tags ? { tags: t.tags } : {}),
          firstMessage: {
            authorLabel: requester.name ?? requester.email,
            fromEmail: requester.email,
            bodyText: t.message,
          },
        }),
      ),
    );
    if (t.answer) {
      const answer = t.answer;
      await runAt(new Date(at.getTime() + answer.afterHours * HOUR), () =>
        replyToTicket(db, store, actor, ticket.id, {
          body: answer.body,
          lastSeenMessageId: message.id,
          status: answer.status,
        }),
      );
    }
    if (t.note) {
      const note = t.note;
      await runAt(new Date(at.getTime() + 3 * HOUR), () =>
        addNote(db, store.id, actor, ticket.id, { body: note }),
      );
    }
    if (t.answer?.status === 'solved') {
      await runAt(new Date(at.getTime() + 30 * HOUR), () =>
        changeTicket(db, store.id, actor, ticket.id, { status: 'closed' }),
      );
    }
  }
}

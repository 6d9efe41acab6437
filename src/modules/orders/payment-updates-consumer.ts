import type { Db } from '../../platform/db/database.ts';
import { type DomainEvent, eventsOfTypes, type OutboxConsumer } from '../../platform/events/index.ts';
import { systemActor } from '../access/index.ts';
import { refreshFinancialStatus } from './financial-status.ts';

const actor = systemActor('payment provider');

/**
 * Keeps an order's payment status true when a payment changes outside an order action (a
 * provider's webhook reporting a capture, refund or failure). Idempotent: an unchanged status
 * writes nothing.
 */
export const paymentUpdatesConsumer: OutboxConsumer = {
  name: 'orders.payment-updates',
  select: eventsOfTypes(['payment.updated']),
  async handle(db: Db, event: DomainEvent) {
    if (event.type !== 'payment.updated' || !event.storeId) return;
    const orderId = (event.payload as { orderId?: unknown }).orderId;
    if (typeof orderId !== 'string') return;
    await refreshFinancialStatus(db, event.storeId, actor, orderId);
  },
};

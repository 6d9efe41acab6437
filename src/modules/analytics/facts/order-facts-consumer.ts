import { eventsOfTypes, type OutboxConsumer } from '../../../platform/events/index.ts';
import { factEventTypes, recordOrderFacts } from './record-order-facts.ts';

/**
 * Turns the orders module's events into analytics facts (at least once: recording is idempotent).
 * Only placed orders have facts; a draft or an order still waiting for its payment step has none
 * until `order.placed`.
 */
export const analyticsFactsConsumer: OutboxConsumer = {
  name: 'analytics-facts',
  select: eventsOfTypes(factEventTypes),
  async handle(db, event) {
    if (!factEventTypes.has(event.type) || !event.storeId) return;
    const orderId = (event.payload as { orderId?: unknown }).orderId;
    if (typeof orderId !== 'string') return;
    await recordOrderFacts(db, event.storeId, orderId);
  },
};

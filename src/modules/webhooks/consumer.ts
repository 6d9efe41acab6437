import { and, eq, inArray } from 'drizzle-orm';
import type { OutboxConsumer } from '../../platform/events/dispatcher.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import { endpointWantsEvent } from './event-filter.ts';
import { webhookDeliveries, webhookEndpoints } from './schema.ts';

export const DELIVER_JOB = 'webhooks.deliver';

/** With the default backoff (2^n s, capped at 1 h) 16 attempts span about five hours. */
export const DEFAULT_DELIVERY_ATTEMPTS = 16;

export interface DeliverJobPayload {
  deliveryId: string;
}

/**
 * Turns each store event into one delivery per enabled endpoint of that store that wants the event
 * type, and a job that sends it. Idempotent: a delivery is unique per (event, endpoint), and only a
 * newly inserted delivery gets a job, so an event handed over twice is sent once.
 */
export function createWebhooksConsumer(options: { maxAttempts?: number } = {}): OutboxConsumer {
  const maxAttempts = options.maxAttempts ?? DEFAULT_DELIVERY_ATTEMPTS;
  return {
    name: 'webhooks',
    // One read of the batch's stores' enabled endpoints: most stores have none, and most events
    // then need nothing more.
    async select(db, events) {
      const storeIds = [...new Set(events.flatMap((event) => (event.storeId ? [event.storeId] : [])))];
      if (storeIds.length === 0) return [];
      const endpoints = await db
        .select({ storeId: webhookEndpoints.storeId, eventTypes: webhookEndpoints.eventTypes })
        .from(webhookEndpoints)
        .where(and(inArray(webhookEndpoints.storeId, storeIds), eq(webhookEndpoints.enabled, true)));
      return events.filter((event) =>
        endpoints.some((e) => e.storeId === event.storeId && endpointWantsEvent(e.eventTypes, event.type)),
      );
    },
    async handle(db, event) {
      if (!event.storeId) return;
      const endpoints = await db
        .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.storeId, event.storeId), eq(webhookEndpoints.enabled, true)));
      const wanting = endpoints.filter((e) => endpointWantsEvent(e.eventTypes, event.type));
      if (wanting.length === 0) return;
      const created = await db
        .insert(webhookDeliveries)
        .values(
          wanting.map((e) => ({
            id: newId('webhookDelivery'),
            storeId: event.storeId!,
            endpointId: e.id,
            eventId: event.id,
            eventType: event.type,
          })),
        )
        .onConflictDoNothing({ target: [webhookDeliveries.eventId, webhookDeliveries.endpointId] })
        .returning({ id: webhookDeliveries.id });
      for (const delivery of created) {
        const payload: DeliverJobPayload = { deliveryId: delivery.id };
        await enqueueJob(db, DELIVER_JOB, payload, {
          uniqueKey: `${DELIVER_JOB}:${delivery.id}`,
          maxAttempts,
        });
      }
    },
  };
}

export const webhooksConsumer = createWebhooksConsumer();

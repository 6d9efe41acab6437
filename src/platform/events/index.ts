/** Domain events: the transactional outbox and the dispatcher that hands events to consumers. */

export * as customerData from './customer-data.ts';
export {
  createOutboxDispatcher,
  type DispatchResult,
  eventsOfTypes,
  type OutboxConsumer,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
} from './dispatcher.ts';
export { type DomainEvent, emitEvent, emitEvents, eventsInsert, findEvent } from './outbox.ts';
export { outboxBacklog, registerOutboxMetrics } from './outbox-metrics.ts';

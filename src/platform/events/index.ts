/** Domain events: the transactional outbox and the dispatcher that hands events to consumers. */
export { emitEvent, findEvent, type DomainEvent } from './outbox.ts';
export {
  createOutboxDispatcher,
  type DispatchResult,
  type OutboxConsumer,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
} from './dispatcher.ts';

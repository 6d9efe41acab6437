/** Public face of the webhooks module: endpoints, the delivery log, the outbox consumer and the delivery job. */
export {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
  type CreateEndpointInput,
  type UpdateEndpointInput,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from './endpoints.ts';
export {
  listDeliveries,
  deliveryStatuses,
  type DeliveryAttempt,
  type DeliveryQuery,
  type DeliveryStatus,
  type WebhookDelivery,
} from './deliveries.ts';
export { createWebhooksConsumer, DELIVER_JOB, webhooksConsumer } from './consumer.ts';
export { createDeliverHandler, registerWebhookJobs, signWebhook, webhookBody, type DeliveryOptions } from './deliver.ts';

/** Public face of the webhooks module: endpoints, the delivery log, the outbox consumer and the delivery job. */

export { createWebhooksConsumer, DELIVER_JOB, webhooksConsumer } from './consumer.ts';
export * as customerData from './customer-data.ts';
export {
  createDeliverHandler,
  type DeliveryOptions,
  registerWebhookJobs,
  signWebhook,
  webhookBody,
} from './deliver.ts';
export {
  type DeliveryAttempt,
  type DeliveryQuery,
  type DeliveryStatus,
  deliveryStatuses,
  listDeliveries,
  type WebhookDelivery,
} from './deliveries.ts';
export {
  type CreateEndpointInput,
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  type UpdateEndpointInput,
  updateEndpoint,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from './endpoints.ts';
export { webhookRoutes } from './routes.ts';

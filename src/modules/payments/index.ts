/**
 * Public face of the payments module (docs/payments.md): the provider interface with `manual` and
 * `test_card` in the box, and the payment operations the orders and checkout modules call inside
 * their own transactions. A payment keeps its state and amounts; every provider call is a row of
 * its ledger; every change is audited and emitted as `payment.updated`.
 */
export { type AuthorisePaymentInput, authorisePayment, confirmPaymentAction } from './authorise-payment.ts';
export { capturePayment, markPaymentReceived } from './capture-payment.ts';
export { type CardBrand, type CardInput, isLuhnValid } from './card-details.ts';
export * as customerData from './customer-data.ts';
export { type FinancialStatus, financialStatuses, financialStatusOf } from './financial-status.ts';
export { capturableOf, refundableOf } from './payment-amounts.ts';
export { PAYMENT_UPDATED_EVENT, type PaymentUpdatedPayload } from './payment-change.ts';
export { paymentProviders } from './payment-providers.ts';
export {
  defaultPaymentSettings,
  getPaymentSettings,
  PAYMENT_SETTINGS_UPDATED_EVENT,
  type PaymentSettings,
  rotatePaymentWebhookSecret,
  type UpdatePaymentSettingsInput,
  updatePaymentSettings,
} from './payment-settings.ts';
export { canTransitionPayment, paymentTransitions } from './payment-states.ts';
export {
  getPayment,
  type Payment,
  type PaymentTransaction,
  paymentsOfOrder,
  paymentTransactionsOf,
} from './payments.ts';
export type {
  AuthoriseRequest,
  AuthoriseResult,
  PaymentProvider,
  ProviderCallResult,
  ProviderWebhookEvent,
} from './provider.ts';
export { testCardNumbers } from './providers/test-card.ts';
export { refundPayment } from './refund-payment.ts';
export { paymentRoutes } from './routes.ts';
export {
  type CaptureMode,
  captureModes,
  type PaymentProviderKey,
  type PaymentState,
  paymentProviderKeys,
  paymentStates,
} from './schema.ts';
export { voidPayment } from './void-payment.ts';
export { paymentWebhookPath, paymentWebhookRoutes } from './webhook-routes.ts';

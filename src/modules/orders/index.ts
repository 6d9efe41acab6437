/**
 * Public face of the orders module (docs/orders.md): orders as they were placed, their state
 * machines, timeline, notes and tags, parcels, refunds and returns.
 *
 * Placing an order, in one transaction (the checkout does it; docs/selling.md):
 * `createOrder` (amounts checked to add up) → payments' `authorisePayment` → `completePlacement`
 * (sells the reserved stock, uses the discounts, takes the number, `order.placed`). A payment that
 * needs the shopper's extra step is finished by `settlePaymentAction`.
 */
export { type CancelOrderInput, type CancelReason, cancelOrder, cancelReasons } from './cancel-order.ts';
export { carrierTracking, trackingUrlFor } from './carrier-tracking.ts';
export { closeReturnWithoutRefund, closeReturnWithRefund } from './close-return.ts';
export { createOrder } from './create-order.ts';
export * as customerData from './customer-data.ts';
export { type CustomerOrderFigures, customerOrderFigures } from './customer-order-figures.ts';
export {
  customerPurchaseOfProduct,
  type DeliveredOrder,
  deliveredOrdersBetween,
} from './delivered-orders.ts';
export { discountCodesOfOrders, type OrderDiscountCodes } from './discount-codes-of-orders.ts';
export { closeReturnWithExchange } from './exchange-return.ts';
export { exportOrdersCsv, type OrderExportQuery, orderExportQuery } from './export-orders-csv.ts';
export { refreshFinancialStatus } from './financial-status.ts';
export { type FulfilOrderInput, fulfilOrder } from './fulfil-order.ts';
export {
  type HistoricalOrder,
  type ImportedOrder,
  importHistoricalOrders,
} from './import-historical-orders.ts';
export { listOrders, type OrderListQuery, type OrderSummary, orderListQuery } from './list-orders.ts';
export { listReturns, type ReturnSummary } from './list-returns.ts';
export { type NewOrder, newOrderInput, orderAddressInput } from './new-order-input.ts';
export { completeOrderIfDone, reopenOrder } from './order-completion.ts';
export { type OrderEventType, orderEventTypes } from './order-domain-events.ts';
export { numberFromName, orderName, orderStatusPath } from './order-mail.ts';
export {
  type Fulfilment,
  getOrder,
  getOrderByToken,
  getOrderWithRefunds,
  type Order,
  type OrderDetail,
  type OrderEvent,
  type OrderLine,
  type OrderReturn,
  type Refund,
} from './order-read.ts';
export { getOrderSettings, type OrderSettings, updateOrderSettings } from './order-settings.ts';
export type { OrderAddress, OrderDiscount, OrderShipping, OrderTaxLine } from './order-types.ts';
export {
  lateAfterDays,
  type OrdersAwaitingAction,
  ordersAwaitingAction,
  type WaitingWork,
} from './orders-awaiting-action.ts';
export { cancelParcel, markParcelDelivered, updateParcelTracking } from './parcels.ts';
export { paymentUpdatesConsumer } from './payment-updates-consumer.ts';
export { completePlacement, settlePaymentAction } from './placement.ts';
export { receiveReturn } from './receive-return.ts';
export {
  previewRefund,
  type RefundOrderInput,
  type RefundPreview,
  type RestockPlanItem,
  refundOrder,
} from './refund-order.ts';
export { requestReturn, requestReturnByToken } from './request-return.ts';
export { approveReturn, cancelReturn, rejectReturn } from './return-decisions.ts';
export {
  customerReturnInput,
  type RequestReturnInput,
  returnListQuery,
  returnReasonsQuery,
} from './return-input.ts';
export { returnReasonLabels } from './return-mail.ts';
export { type ReturnReasonsReport, returnReasonsReport } from './return-reasons-report.ts';
export { type ReturnableLine, type ReturnableLines, returnableLines } from './returnable-lines.ts';
export { orderRoutes } from './routes.ts';
export {
  type FinancialStatus,
  type FulfilmentStatus,
  type OrderStatus,
  type ReturnReason,
  type ReturnStatus,
  returnReasons,
} from './schema.ts';
export { assertTransition, canTransition } from './state-machines.ts';

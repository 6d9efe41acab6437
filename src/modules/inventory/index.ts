/** Public face of the inventory module: locations, the stock ledger, reservations and levels. */

export { inventoryTopic } from './availability/stock-change-topic.ts';
export {
  type AvailabilityQuery,
  availabilityOf,
  type StockAvailability,
  type StockAvailabilityStatus,
  type VariantAvailabilitySource,
  variantAvailability,
} from './availability/storefront-availability.ts';
export { type StorefrontStockSources, storefrontStockSources } from './availability/storefront-stock.ts';
export { channelStockCsv, listChannelStock } from './channels/channel-stock.ts';
export { getChannel, listChannels, type SalesChannel } from './channels/channels.ts';
export { inventoryChannelRoutes } from './channels/routes.ts';
export { LEVEL_CHANGED_EVENT, type LevelChangedPayload } from './channels/sync-channel-stock.ts';
export { countRoutes } from './counts/routes.ts';
export {
  type DailySalesWindow,
  type DailyVariantSales,
  dailyVariantSales,
  storeToday,
  variantsSoldRecently,
} from './demand-history/daily-variant-sales.ts';
export { exportInventoryCsv } from './interchange/export-inventory-csv.ts';
export { type InventoryImportReport, importInventoryCsv } from './interchange/import-inventory-csv.ts';
export { type InventoryCsvFormat, inventoryCsvFormats } from './interchange/inventory-csv-formats.ts';
export { productStockPort } from './interchange/product-stock-port.ts';
export { readInventoryCsv } from './interchange/read-inventory-csv.ts';
export { inventoryInterchangeRoutes } from './interchange/routes.ts';
export { type InventoryItem, updateInventoryItem } from './items.ts';
export { movementsByReference } from './ledger/movements-by-reference.ts';
export { type Movement, type MovementInput, recordMovements } from './ledger/record-movements.ts';
export {
  incomingStock,
  type LocationStock,
  type VariantStock,
  variantLedger,
  variantStock,
} from './levels.ts';
export {
  getLocation,
  type Location,
  listLocations,
  locationsTopic,
  requireLocations,
} from './locations/locations.ts';
export { type CreatePurchaseOrderInput, createPurchaseOrder } from './purchase-orders/draft.ts';
export {
  type PurchaseOrder,
  type PurchasingContext,
  purchaseOrderLabel,
} from './purchase-orders/purchase-order-records.ts';
export { purchasingRoutes } from './purchase-orders/purchasing-routes.ts';
export { roundUpToPack } from './purchase-orders/reorder-quantity.ts';
export {
  type ReorderGroup,
  type ReorderSuggestion,
  type ReorderSuggestions,
  type ReorderSupplier,
  reorderSuggestions,
} from './purchase-orders/reorder-suggestions.ts';
export { registerReservationExpiryJob, reservationExpirySchedule } from './reservations/expiry-job.ts';
export {
  availableOf,
  type ReservationWithLines,
  type ReserveStockInput,
  reserveStock,
} from './reservations/reserve-stock.ts';
export {
  commitReservation,
  releaseExpiredReservations,
  releaseReservation,
  sellReservedStock,
} from './reservations/settle-reservation.ts';
export { inventoryRoutes } from './routes.ts';
export {
  type RunningOutPayload,
  registerRunningOutJob,
  runningOutSchedule,
  watchRunningOut,
} from './running-out-watch.ts';
export { nextNumber } from './sequences.ts';
export { getInventorySettings } from './settings.ts';
export {
  listStock,
  type StockList,
  type StockListQuery,
  type StockListRow,
  stockListQuery,
} from './stock-list/stock-list.ts';
export { type StockState, stockStateOf } from './stock-states.ts';
export { transferRoutes } from './transfers/routes.ts';
export { type VerifyReport, verifyInventory } from './verify/verify-ledger.ts';

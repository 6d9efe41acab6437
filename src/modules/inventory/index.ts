/** Public face of the inventory module: locations, the stock ledger, reservations and levels. */

export { type InventoryItem, updateInventoryItem } from './items.ts';
export { type Movement, type MovementInput, recordMovements } from './ledger/record-movements.ts';
export {
  incomingStock,
  type LocationStock,
  type VariantStock,
  variantLedger,
  variantStock,
} from './levels.ts';
export { getLocation, type Location, listLocations, requireLocations } from './locations/locations.ts';
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
} from './reservations/settle-reservation.ts';
export { inventoryRoutes } from './routes.ts';
export { nextNumber } from './sequences.ts';
export { getInventorySettings } from './settings.ts';
export { type StockState, stockStateOf } from './stock-states.ts';
export { type VerifyReport, verifyInventory } from './verify/verify-ledger.ts';

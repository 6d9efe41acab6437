/**
 * The analytics module's public face: first-party events (collection/), the store's analytics
 * settings, and (as they arrive) facts, rollups and reports.
 */
export {
  type AnalyticsSettings,
  analyticsSettingsInput,
  analyticsTopic,
  getAnalyticsSettings,
  updateAnalyticsSettings,
} from './analytics-settings.ts';
export { type DeviceClass, deviceClass, notAVisit } from './collection/device-class.ts';
export { EventBuffer, type EventBufferOptions } from './collection/event-buffer.ts';
export {
  EventCollector,
  type PageEvent,
  type TrafficSourceOf,
  type Visit,
  type VisitOutcome,
  type VisitRequest,
} from './collection/event-collector.ts';
export { type EventName, eventNames, isEventName } from './collection/event-names.ts';
export { ensureEventPartitions, eventMonth, listEventPartitions } from './collection/event-partitions.ts';
export {
  directSource,
  isVisitorId,
  newVisitorId,
  type SessionState,
  type TrafficSource,
} from './collection/visit.ts';
export { type EventRow, writeEvents } from './collection/write-events.ts';
export * as customerData from './customer-data.ts';
export { markDirtyDays } from './facts/dirty-days.ts';
export type { OrderForFacts } from './facts/order-fact-rows.ts';
export { analyticsFactsConsumer } from './facts/order-facts-consumer.ts';
export { recordOrderFacts } from './facts/record-order-facts.ts';
export { recordOrderFactsInBulk } from './facts/record-order-facts-in-bulk.ts';
export { ingestEvents, maxEventsPerBatch } from './ingest/ingest-events.ts';
export {
  type BreakdownDimension,
  breakdownDimensions,
  dailyMeasures,
  dailyMeasuresByValue,
  type Period,
  periodsOf,
} from './reports/kpi-report.ts';
export {
  emptyMeasures,
  type KpiKey,
  kpisOf,
  type MeasureKey,
  type Measures,
  measureKeys,
} from './reports/metric-totals.ts';
export { type JourneySession, type OrderJourney, orderJourneys } from './reports/order-journeys.ts';
export { dailyMeasuresByProduct, type ProductDailyMeasures } from './reports/product-daily-measures.ts';
export { analyticsRfmMembership } from './reports/rfm-membership-source.ts';
export { rfmReport } from './reports/rfm-report.ts';
export {
  type CategorySales,
  dailyCategorySales,
  dailyMeasuresOfSlices,
  type StoreSlice,
  sliceKey,
} from './reports/slice-measures.ts';
export {
  type VisitorOutcome,
  type VisitorPurchase,
  visitorOutcomes,
  type WatchedVisitor,
} from './reports/visitor-outcomes.ts';
export { type SeenVisitor, visitorsSeen } from './reports/visitors-seen.ts';
export { type RebuildProgress, rebuildRollups } from './rollups/rebuild-rollups.ts';
export { type RollupStore, rollUpDay } from './rollups/roll-up-day.ts';
export { dirtyDayCount, rollUpDirtyDays } from './rollups/roll-up-dirty-days.ts';
export { registerRollupJob, rollupSchedule } from './rollups/rollup-job.ts';
export { analyticsRoutes } from './routes.ts';
export type { ConsentMode, EventItem } from './schema.ts';

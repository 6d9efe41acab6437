/**
 * The insights module's public face: the manager's analysis over the analytics (anomalies with
 * their explanations; demand forecasts and reorder arithmetic in forecasting/).
 */
export * as anomalies from './anomalies/index.ts';
export {
  ANOMALY_ALERTS_JOB,
  ANOMALY_DETECTED_EVENT,
  type AnomalyDetectedPayload,
  announceAnomalies,
  anomalyAlertsSchedule,
  dayToAnnounce,
  registerAnomalyAlertsJob,
} from './anomaly-alerts.ts';
export * as forecasting from './forecasting/index.ts';
export {
  DEMAND_FORECASTS_JOB,
  dayToForecast,
  demandForecastsSchedule,
  forecastStoreDay,
  registerDemandForecastsJob,
} from './reorder-forecasts/forecast-job.ts';
export {
  type ReorderForecastGroup,
  type ReorderForecastItem,
  type ReorderForecasts,
  reorderForecasts,
} from './reorder-forecasts/reorder-forecasts.ts';
export { insightsRoutes } from './routes.ts';
export { metricSeries, storeAnomalies } from './store-anomalies.ts';
export { anomalyCountsOfStores, type StoreAnomalyCount } from './store-anomaly-counts.ts';

/**
 * The insights module's public face: the manager's analysis over the analytics (anomalies with
 * their explanations; demand forecasts and reorder arithmetic in forecasting/).
 */
export * as anomalies from './anomalies/index.ts';
export { type SeededRandom, seededRandom } from './anomalies/seeded-random.ts';
export * as forecasting from './forecasting/index.ts';
export { insightsRoutes } from './routes.ts';
export { metricSeries, storeAnomalies } from './store-anomalies.ts';
export { anomalyCountsOfStores, type StoreAnomalyCount } from './store-anomaly-counts.ts';

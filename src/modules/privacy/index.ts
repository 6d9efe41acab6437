/**
 * Public face of the privacy module (docs/privacy.md): a customer's data export and erasure,
 * composed from every module that holds personal data (each through its own `customer-data.ts`),
 * the log of those requests, and the per-store retention of raw analytics events.
 */
export { type CustomerDataSource, customerDataSources } from './customer-data-sources.ts';
export { dataSubjectOf, identifiersIn } from './data-subject-of.ts';
export { CUSTOMER_ERASED_EVENT, type ErasureStorages, eraseCustomer } from './erase-customer.ts';
export { tablesWithoutPersonalData } from './personal-data-map.ts';
export {
  EXPORT_FORMAT,
  erasureOf,
  exportCustomer,
  exportDocument,
  listPrivacyRequests,
  type PrivacyRequest,
} from './privacy-requests.ts';
export {
  ANALYTICS_RETENTION_JOB,
  analyticsRetentionSchedule,
  applyAnalyticsRetention,
  getPrivacySettings,
  type PrivacySettings,
  registerAnalyticsRetentionJob,
  retentionChoices,
  retentionCutoff,
  updatePrivacySettings,
} from './retention.ts';
export { exportDownloadPath, privacyRoutes } from './routes.ts';

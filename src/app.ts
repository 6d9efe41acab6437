import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import {
  authRoutes,
  purgeExpiredSessions,
  registerAuth,
  storeAccessRoutes,
  storeOf,
} from './modules/access/index.ts';
import {
  analyticsFactsConsumer,
  analyticsRfmMembership,
  analyticsRoutes,
  EventBuffer,
  EventCollector,
  registerRollupJob,
  rollupSchedule,
} from './modules/analytics/index.ts';
import {
  briefingMailRoutes,
  briefingRoutes,
  morningMailSchedule,
  registerMorningMailJob,
} from './modules/briefing/index.ts';
import {
  bulkOperationRoutes,
  catalogRoutes,
  categoryRoutes,
  collectionRoutes,
  mediaFileRoutes,
  productImageRoutes,
  productImportRoutes,
  productImportStorage,
  registerBulkOperationJobs,
  registerCatalogWorkflowJobs,
  registerMediaJobs,
  registerProductImportJobs,
  registerStaleImportUploadsJob,
  registerUnreferencedMediaJob,
  remoteImageConsumer,
  seoRoutes,
  staleImportUploadsSchedule,
  translationRoutes,
  unreferencedMediaSchedule,
} from './modules/catalog/index.ts';
import {
  draftOrderRoutes,
  idempotencyPurgeSchedule,
  registerIdempotencyPurgeJob,
} from './modules/checkout/index.ts';
import {
  customerRoutes,
  provideRfmMembership,
  purgeExpiredCustomerSessions,
} from './modules/customers/index.ts';
import { experimentRoutes } from './modules/experiments/index.ts';
import { goalRoutes } from './modules/goals/index.ts';
import {
  anomalyAlertsSchedule,
  demandForecastsSchedule,
  insightsRoutes,
  registerAnomalyAlertsJob,
  registerDemandForecastsJob,
} from './modules/insights/index.ts';
import {
  countRoutes,
  inventoryChannelRoutes,
  inventoryInterchangeRoutes,
  inventoryRoutes,
  productStockPort,
  purchasingRoutes,
  registerReservationExpiryJob,
  registerRunningOutJob,
  reservationExpirySchedule,
  runningOutSchedule,
  storefrontStockSources,
  transferRoutes,
} from './modules/inventory/index.ts';
import { marketingRoutes } from './modules/marketing/index.ts';
import { marketRoutes } from './modules/markets/index.ts';
import { newsletterRoutes, registerNewsletterJobs } from './modules/newsletters/index.ts';
import { inventoryAlertsConsumer, notificationRoutes } from './modules/notifications/index.ts';
import { orderRoutes, paymentUpdatesConsumer } from './modules/orders/index.ts';
import { paymentRoutes, paymentWebhookRoutes } from './modules/payments/index.ts';
import { portfolioRoutes } from './modules/portfolio/index.ts';
import {
  analyticsRetentionSchedule,
  privacyRoutes,
  registerAnalyticsRetentionJob,
} from './modules/privacy/index.ts';
import { promotionRoutes } from './modules/promotions/index.ts';
import {
  registerReviewRequestJob,
  reviewPhotoRoutes,
  reviewPhotoStorage,
  reviewRequestsSchedule,
  reviewRoutes,
} from './modules/reviews/index.ts';
import { shippingRoutes } from './modules/shipping/index.ts';
import {
  configureSupportMail,
  csatMailSchedule,
  registerCsatMailJob,
  registerSlaAlertsJob,
  type SupportSmtpListener,
  slaAlertsSchedule,
  startSupportSmtpListener,
  supportAttachmentStorage,
  supportRoutes,
} from './modules/support/index.ts';
import { taxRoutes } from './modules/tax/index.ts';
import {
  configureTransactionalMail,
  transactionalMailConsumer,
  transactionalMailRoutes,
} from './modules/transactional-mail/index.ts';
import { registerWebhookJobs, webhookRoutes, webhooksConsumer } from './modules/webhooks/index.ts';
import type { BlobStorage } from './platform/blob-storage/blob-storage.ts';
import { LocalDiskBlobStorage } from './platform/blob-storage/local-disk-blob-storage.ts';
import { attachConfigCache, startChangeFeed } from './platform/cache/index.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { startStatisticsUpkeep } from './platform/db/statistics-upkeep.ts';
import { createOutboxDispatcher, registerOutboxMetrics } from './platform/events/index.ts';
import { serveAdminConsole } from './platform/http/admin-static.ts';
import { installationBaseUrl } from './platform/http/public-base-url.ts';
import { createHttpServer } from './platform/http/server.ts';
import { createJobRunner } from './platform/jobs/index.ts';
import { createLogger, type Logger } from './platform/logging.ts';
import { mailRoutes, registerMailJobs } from './platform/mail/index.ts';
import { createMetrics } from './platform/metrics.ts';
import { StorefrontTracking } from './storefront/analytics/storefront-tracking.ts';
import { storefrontRoutes } from './storefront/index.ts';

export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

export interface AppOptions {
  config: Config;
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  logger?: Logger;
  /** Where uploaded and downloaded media go (tests); otherwise `<dataDir>/media`. */
  mediaStorage?: BlobStorage;
  /** Where uploaded product CSVs wait to be imported (tests); otherwise under `<dataDir>/import-uploads`. */
  importStorage?: BlobStorage;
  /** Where customers' review photos go (tests); otherwise under `<dataDir>/review-photos`. */
  reviewPhotos?: BlobStorage;
  /** Where inbound support e-mail attachments go (tests); otherwise under `<dataDir>/support-attachments`. */
  supportStorage?: BlobStorage;
}

/**
 * Composition root: config → database (migrated) → modules → HTTP → background work.
 * Returns the pieces so `start` can listen and tests can inject requests.
 */
export async function buildApp(options: AppOptions) {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const ownsDatabase = !options.database;
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  await migrateDatabase(database);
  const { db } = database;
  const metrics = createMetrics();
  registerOutboxMetrics(metrics.registry, db);
  const mediaStorage = options.mediaStorage ?? new LocalDiskBlobStorage({ dataDir: config.dataDir });
  const importStorage = options.importStorage ?? productImportStorage(config.dataDir);
  const reviewPhotos = options.reviewPhotos ?? reviewPhotoStorage(config.dataDir);
  const supportStorage = options.supportStorage ?? supportAttachmentStorage(config.dataDir);
  // Support answers go out from the installation's address; replies come back to its support domain.
  configureSupportMail({ mailFrom: config.mailFrom, domain: config.supportMailDomain });
  // Customer segments' `rfm_segment` rule reads the analytics' RFM scores.
  provideRfmMembership(analyticsRfmMembership);
  let accepting = true;

  const app = await createHttpServer({
    logger,
    metrics,
    version,
    isReady: async () => {
      if (!accepting) return false;
      await database.execute('select 1');
      return true;
    },
  });
  // In-process caches of hot reads, kept true on every instance by change notifications.
  const changes = await startChangeFeed(database);
  const detachConfigCache = attachConfigCache(changes);
  registerAuth(app, db, changes);
  const routeOptions = { db, changes, secureCookies: config.secureCookies };
  await app.register(authRoutes, routeOptions);
  await app.register(briefingMailRoutes, { db });
  await app.register(portfolioRoutes, { db });
  await app.register(
    async (scoped) => {
      await scoped.register(storeAccessRoutes, routeOptions);
      await scoped.register(catalogRoutes, routeOptions);
      await scoped.register(categoryRoutes, routeOptions);
      await scoped.register(collectionRoutes, routeOptions);
      await scoped.register(bulkOperationRoutes, routeOptions);
      await scoped.register(translationRoutes, routeOptions);
      await scoped.register(seoRoutes, routeOptions);
      await scoped.register(productImageRoutes, { ...routeOptions, storage: mediaStorage });
      await scoped.register(productImportRoutes, {
        db,
        storage: importStorage,
        maxUploadBytes: config.maxImportBytes,
        publicUrl: config.publicUrl,
        // Product files carry stock: the catalog reaches the inventory module through its port.
        stock: productStockPort,
      });
      await scoped.register(webhookRoutes, routeOptions);
      await scoped.register(inventoryRoutes, routeOptions);
      await scoped.register(transferRoutes, routeOptions);
      await scoped.register(countRoutes, routeOptions);
      await scoped.register(inventoryChannelRoutes, routeOptions);
      await scoped.register(inventoryInterchangeRoutes, { db, maxUploadBytes: config.maxImportBytes });
      await scoped.register(notificationRoutes, routeOptions);
      await scoped.register(purchasingRoutes, { db, mailFrom: config.mailFrom });
      await scoped.register(marketRoutes, { db });
      await scoped.register(promotionRoutes, { db });
      await scoped.register(taxRoutes, { db });
      await scoped.register(shippingRoutes, { db });
      await scoped.register(customerRoutes, { db });
      await scoped.register(transactionalMailRoutes, { db });
      await scoped.register(paymentRoutes, { db });
      await scoped.register(orderRoutes, { db });
      await scoped.register(analyticsRoutes, { db });
      await scoped.register(insightsRoutes, { db });
      await scoped.register(briefingRoutes, { db });
      await scoped.register(goalRoutes, { db });
      await scoped.register(experimentRoutes, { db });
      await scoped.register(reviewRoutes, { db, photos: reviewPhotos });
      await scoped.register(supportRoutes, { db, storage: supportStorage });
      await scoped.register(privacyRoutes, {
        db,
        storages: { 'support-attachments': supportStorage, 'review-photos': reviewPhotos },
      });
      await scoped.register(marketingRoutes, { db, publicUrl: config.publicUrl });
      await scoped.register(newsletterRoutes, { db });
      await scoped.register(draftOrderRoutes, { db, publicUrl: config.publicUrl });
      await scoped.register(mailRoutes, { db, storeIdOf: (request) => storeOf(request).store.id });
    },
    { prefix: '/api/admin/stores/:store' },
  );
  await serveAdminConsole(app);
  await app.register(mediaFileRoutes, { storage: mediaStorage });
  await app.register(reviewPhotoRoutes, { db, storage: reviewPhotos });
  // Payment providers' events: public, verified by their Standard Webhooks signature.
  await app.register(paymentWebhookRoutes, { db });
  // What shoppers do on the storefront, recorded from the server as analytics events, written in batches.
  const eventBuffer = new EventBuffer(db, {
    onError: (err) => logger.warn({ err }, 'analytics events wait: the database refused a batch'),
  });
  const tracking = new StorefrontTracking(new EventCollector(db, eventBuffer), logger);
  await app.register(storefrontRoutes, {
    db,
    changes,
    tracking,
    publicUrl: config.publicUrl,
    reviewPhotos,
    // Listings' in-stock filter, product pages' availability and the Merchant feed follow inventory.
    ...storefrontStockSources(db),
  });

  // Background work: durable jobs and the outbox dispatcher. Every instance runs both; claims in the
  // database make sure each job and each event is handled by one of them.
  const jobs = createJobRunner({ database, logger, pollMs: config.jobPollMs });
  registerWebhookJobs(jobs);
  registerBulkOperationJobs(jobs);
  registerCatalogWorkflowJobs(jobs);
  registerMediaJobs(jobs, { storage: mediaStorage });
  registerProductImportJobs(jobs, importStorage, { stock: productStockPort });
  // Housekeeping: uploaded CSVs nobody needs any more, media files nothing refers to.
  registerStaleImportUploadsJob(jobs, importStorage, { retentionDays: config.importFileRetentionDays });
  registerUnreferencedMediaJob(jobs, mediaStorage, { graceHours: config.mediaGraceHours });
  registerReservationExpiryJob(jobs);
  registerIdempotencyPurgeJob(jobs);
  registerRunningOutJob(jobs);
  registerRollupJob(jobs);
  registerAnomalyAlertsJob(jobs);
  registerDemandForecastsJob(jobs);
  registerReviewRequestJob(jobs);
  registerAnalyticsRetentionJob(jobs);
  registerSlaAlertsJob(jobs);
  registerCsatMailJob(jobs);
  registerMorningMailJob(jobs, { mailFrom: config.mailFrom, publicBaseUrl: installationBaseUrl(config) });
  registerMailJobs(jobs, { smtpUrl: config.smtpUrl });
  registerNewsletterJobs(jobs);
  // Customers' e-mails go out from the installation's address, with each store's name.
  configureTransactionalMail({ mailFrom: config.mailFrom, publicBaseUrl: installationBaseUrl(config) });
  jobs.register('access.purge-sessions', async (_payload, { db: jobDb }) => {
    await purgeExpiredSessions(jobDb);
    await purgeExpiredCustomerSessions(jobDb);
  });
  const dispatcher = createOutboxDispatcher({
    database,
    logger,
    pollMs: config.jobPollMs,
    consumers: [
      webhooksConsumer,
      remoteImageConsumer,
      inventoryAlertsConsumer,
      paymentUpdatesConsumer,
      transactionalMailConsumer,
      analyticsFactsConsumer,
    ],
  });
  let statistics: { stop(): Promise<void> } | undefined;
  if (config.jobs) {
    await jobs.schedule({
      name: 'access.purge-sessions',
      jobName: 'access.purge-sessions',
      everySeconds: 3600,
      payload: {},
    });
    await jobs.schedule(staleImportUploadsSchedule);
    await jobs.schedule(unreferencedMediaSchedule);
    await jobs.schedule(reservationExpirySchedule);
    await jobs.schedule(idempotencyPurgeSchedule);
    await jobs.schedule(runningOutSchedule);
    await jobs.schedule(rollupSchedule);
    await jobs.schedule(anomalyAlertsSchedule);
    await jobs.schedule(demandForecastsSchedule);
    await jobs.schedule(morningMailSchedule);
    await jobs.schedule(reviewRequestsSchedule);
    await jobs.schedule(analyticsRetentionSchedule);
    await jobs.schedule(slaAlertsSchedule);
    await jobs.schedule(csatMailSchedule);
    jobs.start();
    dispatcher.start();
    // PGlite has no autovacuum: without this its planner never learns table sizes (search needs them).
    statistics = startStatisticsUpkeep(database, {
      onError: (err) => logger.warn({ err }, 'planner statistics upkeep failed'),
    });
    // Requests that emit events wake the dispatcher, so webhooks and cache invalidation follow at once.
    app.addHook('onResponse', (request, _reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') dispatcher.wake();
      done();
    });
  }

  // Customers' mail to the support inbox: an SMTP listener, only when a port is configured.
  let supportSmtp: SupportSmtpListener | undefined;
  if (config.supportSmtpPort !== undefined) {
    supportSmtp = await startSupportSmtpListener({
      db,
      storage: supportStorage,
      logger,
      domain: (config.supportMailDomain ?? config.mailFrom.split('@')[1] ?? 'localhost').toLowerCase(),
      host: config.supportSmtpHost ?? config.host,
      port: config.supportSmtpPort,
      maxMessageBytes: config.supportMaxMessageBytes,
    });
  }

  async function close() {
    accepting = false;
    // The SMTP listener first: mail in flight finishes (or gets a 4xx and is retried by the sender).
    await supportSmtp?.close();
    // Stop taking requests and let in-flight ones finish, then finish running jobs, then close the database.
    await app.close();
    await eventBuffer.close();
    await dispatcher.stop();
    await statistics?.stop();
    await jobs.stop();
    detachConfigCache();
    await changes.close();
    if (ownsDatabase) await database.close();
  }

  return {
    app,
    database,
    db,
    logger,
    metrics,
    jobs,
    dispatcher,
    mediaStorage,
    importStorage,
    reviewPhotos,
    supportStorage,
    supportSmtp,
    eventBuffer,
    close,
  };
}

export type StorepilotApp = Awaited<ReturnType<typeof buildApp>>;

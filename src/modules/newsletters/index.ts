/**
 * Public face of the newsletters module (docs/newsletters.md): marketing e-mail to a store's
 * consenting customers (all subscribers, a segment or a group), sent by the `newsletters.send` job
 * at the store's rate with consent checked again for each recipient; one-click unsubscribe, and
 * opens and clicks only where the store and the customer's consent allow. The storefront's
 * unsubscribe page and tracking addresses (src/storefront/newsletters/) call `unsubscribeByToken`,
 * `recipientOfToken`, `recordOpen` and `recordClick`.
 */
export * as customerData from './customer-data.ts';
export { cleanNewsletterBody, linksOfBody, renderNewsletter } from './newsletter-body.ts';
export { listNewsletterRecipients } from './newsletter-recipients.ts';
export {
  followDeliveries,
  mayTrack,
  registerNewsletterJobs,
  runNewsletterSending,
} from './newsletter-sending.ts';
export {
  getNewsletterSettings,
  type NewsletterSettings,
  updateNewsletterSettings,
} from './newsletter-settings.ts';
export {
  cancelNewsletter,
  createNewsletter,
  getNewsletter,
  listNewsletters,
  NEWSLETTER_SEND_JOB,
  type Newsletter,
  type NewsletterFigures,
  scheduleNewsletter,
  sendTestNewsletter,
  updateNewsletter,
} from './newsletters.ts';
export { recipientPaths } from './recipient-links.ts';
export { newsletterRoutes } from './routes.ts';
export type { RecipientStatus } from './schema.ts';
export { recordClick, recordOpen } from './tracking.ts';
export { NEWSLETTER_UNSUBSCRIBED_EVENT, recipientOfToken, unsubscribeByToken } from './unsubscribe.ts';

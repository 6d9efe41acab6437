/**
 * Public face of the transactional-mail module: the e-mails a store sends its customers (order
 * confirmation, shipping, refunds, returns, account mail), editable per language, rendered with
 * Liquid and queued through the outbox (docs/transactional-mail.md). Other modules call
 * `sendTransactionalMail` in their transaction, or put `payload.mail` in their events for
 * `transactionalMailConsumer`.
 */
export { transactionalMailConsumer } from './consumer.ts';
export { TemplateError } from './liquid-engine.ts';
export { mailLayout, mailText } from './mail-layout.ts';
export {
  type MailTemplateText,
  type RenderedMail,
  type RenderMailInput,
  renderTransactionalMail,
} from './render-mail.ts';
export { transactionalMailRoutes } from './routes.ts';
export {
  configureTransactionalMail,
  sendTransactionalMail,
  storefrontLink,
  type TransactionalMessage,
} from './send-transactional-mail.ts';
export { storefrontBaseUrl } from './storefront-links.ts';
export {
  type TransactionalTemplateKey,
  templateDescriptions,
  transactionalTemplateKeys,
} from './template-keys.ts';
export { templateVariables, type VariableDoc, type VariableType } from './template-variables.ts';
export { MAIL_TEMPLATE_UPDATED_EVENT } from './templates.ts';

/** Shapes of the e-mail templates API (src/modules/transactional-mail/). */

export const templateKeys = [
  'order_confirmation',
  'payment_instructions',
  'payment_received',
  'shipping_confirmation',
  'delivery_confirmation',
  'order_cancelled',
  'refund_issued',
  'return_requested',
  'return_approved',
  'return_rejected',
  'return_received',
  'password_reset',
  'account_activation',
  'account_exists',
  'newsletter_confirmation',
  'draft_invoice',
  'review_request',
] as const;

export type TemplateKey = (typeof templateKeys)[number];

export function isTemplateKey(value: string): value is TemplateKey {
  return (templateKeys as readonly string[]).includes(value);
}

export interface TemplateLocaleState {
  locale: string;
  /** The store wrote its own text for this language. */
  customised: boolean;
  /** The store serves the language (a removed one keeps its texts). */
  served: boolean;
  updatedAt: string | null;
}

export interface TemplateSummary {
  key: TemplateKey;
  name: string;
  sentWhen: string;
  locales: TemplateLocaleState[];
}

export interface TemplateList {
  /** The store's languages, its default first. */
  locales: string[];
  items: TemplateSummary[];
}

export type VariableType =
  | 'text'
  | 'number'
  | 'boolean'
  | 'money'
  | 'date'
  | 'url'
  | 'email'
  | 'address'
  | 'list';

export interface TemplateVariable {
  /** `order.lines[].title` for an item of a list. */
  name: string;
  type: VariableType;
  description: string;
  example: unknown;
  /** The Liquid the editor inserts. */
  snippet: string;
}

export interface MailTemplate {
  key: TemplateKey;
  name: string;
  sentWhen: string;
  locale: string;
  subject: string;
  body: string;
  customised: boolean;
  /** Where the text comes from: the store's own or the built-in one, in this language or a fallback. */
  source: { kind: 'custom' | 'built_in'; locale: string };
  updatedAt: string | null;
  variables: TemplateVariable[];
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface TemplateText {
  subject: string;
  body: string;
}

import { type MailRenderSettings, renderLiquid, TemplateError, templateScope } from './liquid-engine.ts';
import { mailLayout, mailText } from './mail-layout.ts';

/** A template as stored: Liquid for the subject (plain text) and the body (HTML). */
export interface MailTemplateText {
  subject: string;
  body: string;
}

export interface RenderedMail {
  subject: string;
  /** The whole HTML document: the body in the store's layout. */
  html: string;
  text: string;
}

export interface RenderMailInput {
  template: MailTemplateText;
  variables: Record<string, unknown>;
  store: { name: string; timezone?: string | null };
  locale: string;
  /**
   * Refuse undefined variables (TemplateError) instead of printing nothing: how a template is checked
   * against the example variables. Sending is lenient, so one missing value never stops an e-mail.
   */
  strict?: boolean;
}

/** Subjects are one line; very long ones are cut (headers have limits, inboxes show less anyway). */
const SUBJECT_CHARS = 300;

/**
 * Renders a template with its variables: the subject as one line of text, the body as HTML with every
 * variable escaped, wrapped in the store's layout, and a plain-text part made from it. Pure: no
 * database, no clock. Throws TemplateError (with line and column) when the template is broken.
 */
export function renderTransactionalMail(input: RenderMailInput): RenderedMail {
  const { template, store, locale, strict = false } = input;
  const settings: MailRenderSettings = { locale, timeZone: store.timezone || 'UTC' };
  const given = input.variables.store;
  const scope = templateScope(
    { ...input.variables, store: { ...(given && typeof given === 'object' ? given : {}), name: store.name } },
    locale,
  ) as object;
  const subject = inPart('subject', () =>
    renderLiquid(template.subject, scope, { settings, strict, html: false }),
  )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SUBJECT_CHARS);
  const content = inPart('body', () => renderLiquid(template.body, scope, { settings, strict, html: true }));
  return {
    subject,
    html: mailLayout({ storeName: store.name, locale, subject, content }),
    text: mailText(store.name, content),
  };
}

/** Names the part of the template a TemplateError is in. */
function inPart(part: 'subject' | 'body', render: () => string): string {
  try {
    return render();
  } catch (err) {
    if (err instanceof TemplateError) throw new TemplateError(err.message, err.line, err.column, part);
    throw err;
  }
}

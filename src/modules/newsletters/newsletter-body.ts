import sanitizeHtml from 'sanitize-html';
import { mailLayout, mailText } from '../transactional-mail/index.ts';

/**
 * The HTML a newsletter body may use: headings, paragraphs, emphasis, lists, quotes, rules, links
 * (http, https, mailto; `class="button"` for the layout's button) and images over https. Everything
 * else (scripts, styles, forms, frames, event handlers) is dropped when the body is saved, so what
 * is stored is what is sent.
 */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'a',
    'img',
  ],
  allowedAttributes: { a: ['href', 'class', 'title'], img: ['src', 'alt', 'width', 'height'] },
  allowedClasses: { a: ['button'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
};

/** The body as it will be stored and sent: the allowed subset of what was written. */
export function cleanNewsletterBody(html: string): string {
  return sanitizeHtml(html, allowed).trim();
}

/** The web links of a (clean) body, each once, in order: the click redirect's only destinations. */
export function linksOfBody(html: string): string[] {
  const links: string[] = [];
  sanitizeHtml(html, {
    ...allowed,
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href;
        if (href && /^https?:\/\//i.test(href) && !links.includes(href)) links.push(href);
        return { tagName, attribs };
      },
    },
  });
  return links;
}

/** The per-recipient addresses a message carries. */
export interface RecipientLinks {
  unsubscribeUrl: string;
  /** Present only when opens and clicks are measured for this recipient. */
  tracking?: { openPixelUrl: string; clickUrl(index: number): string };
}

export interface NewsletterContent {
  subject: string;
  preheader: string;
  bodyHtml: string;
}

export interface RenderedNewsletter {
  subject: string;
  html: string;
  text: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * One recipient's message in the transactional mail's responsive layout: the preheader hidden at
 * the top, the body, and a footer with the unsubscribe link. With tracking, each web link goes
 * through the click redirect (by its index in `links`) and a 1×1 pixel counts the open; without,
 * the links are the body's own and there is no pixel.
 */
export function renderNewsletter(
  store: { name: string; locale: string },
  newsletter: NewsletterContent,
  links: readonly string[],
  recipient: RecipientLinks,
): RenderedNewsletter {
  const tracking = recipient.tracking;
  const body = tracking
    ? sanitizeHtml(newsletter.bodyHtml, {
        ...allowed,
        transformTags: {
          a: (tagName, attribs) => {
            const index = attribs.href ? links.indexOf(attribs.href) : -1;
            return index < 0
              ? { tagName, attribs }
              : { tagName, attribs: { ...attribs, href: tracking.clickUrl(index) } };
          },
        },
      })
    : newsletter.bodyHtml;
  const preheader = newsletter.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(newsletter.preheader)}</div>\n`
    : '';
  const unsubscribe = escapeHtml(recipient.unsubscribeUrl);
  const footer = `<p class="muted" style="margin-top:28px;">You get this e-mail because you subscribed to news from ${escapeHtml(store.name)}. <a href="${unsubscribe}">Unsubscribe</a></p>`;
  const pixel = tracking
    ? `<img src="${escapeHtml(tracking.openPixelUrl)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px;">`
    : '';
  const content = `${preheader}${body}\n${footer}${pixel}`;
  return {
    subject: newsletter.subject,
    html: mailLayout({ storeName: store.name, locale: store.locale, subject: newsletter.subject, content }),
    text: mailText(store.name, `${body}\n<p>Unsubscribe: ${unsubscribe}</p>`),
  };
}

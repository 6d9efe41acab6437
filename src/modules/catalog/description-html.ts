import { decode } from 'html-entities';
import sanitizeHtml from 'sanitize-html';

/**
 * Product descriptions are HTML (imports bring Shopify's and WooCommerce's as they are). Shown on
 * the storefront only through this allowlist: text structure, links (http, https, mailto, site
 * paths) and images from http(s); no scripts, styles, event handlers or frames.
 */
const storefrontPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
    'div',
    'hr',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan'],
    th: ['colspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Headings start at h2: the product title is the page's h1.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(/^https?:\/\//.test(attribs.href ?? '') ? { rel: 'nofollow noopener' } : {}),
      },
    }),
  },
};

/** A description made safe to embed in a storefront page. Plain text becomes paragraphs. */
export function storefrontDescriptionHtml(description: string): string {
  if (!/<[a-z!/]/i.test(description)) {
    return description
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
  }
  return sanitizeHtml(description, {
    ...storefrontPolicy,
    allowedAttributes: { ...storefrontPolicy.allowedAttributes, a: ['href', 'title', 'rel'] },
  });
}

/** The description as plain text (tags dropped, entities decoded, whitespace collapsed). */
export function descriptionText(description: string): string {
  const text = sanitizeHtml(description.replace(/<\/(p|div|li|h\d|tr|br)>|<br\s*\/?>/gi, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return decode(text, { level: 'html5' }).replace(/\s+/g, ' ').trim();
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

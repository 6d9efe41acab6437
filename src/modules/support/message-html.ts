import sanitizeHtml from 'sanitize-html';

/**
 * What is left of a customer's HTML: formatting, links and inline images by URL. Scripts, styles,
 * forms, frames and every `on…` handler are dropped by sanitize-html's allow-list (attributes not
 * listed never pass), and only http(s)/mailto links survive, so no `javascript:` URL gets through.
 * Gmail's and Outlook's quoted-history containers go too, with everything in them.
 */
const messagePolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'pre',
    'code',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'td',
    'th',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan'],
    th: ['colspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'title', 'head'],
  exclusiveFilter: (frame) => isQuoteContainer(frame.tag, frame.attribs),
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
};

/** Gmail (`gmail_quote`), Outlook (`divRplyFwdMsg`, `appendonsend`) and Apple/Thunderbird cite blocks. */
function isQuoteContainer(tag: string, attribs: Record<string, string>): boolean {
  const cls = attribs.class ?? '';
  const id = attribs.id ?? '';
  return (
    /\bgmail_quote\b|\bgmail_extra\b|\byahoo_quoted\b|\bmoz-cite-prefix\b/.test(cls) ||
    id === 'divRplyFwdMsg' ||
    id === 'appendonsend' ||
    (tag === 'blockquote' && attribs.type === 'cite')
  );
}

export function sanitiseMessageHtml(html: string): string {
  return sanitizeHtml(html, messagePolicy).trim();
}

/** Plain text as HTML for a reply's HTML part: escaped, line breaks kept. */
export function textAsHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

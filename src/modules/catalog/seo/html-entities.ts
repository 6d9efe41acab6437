/**
 * HTML character references (`&amp;`, `&#233;`, `&#xE9;`, `&eacute;`) decoded as a browser would for
 * the text of a product description. The named table covers Latin-1 and the typographic and symbol
 * references that occur in shop copy; an unknown name is left as written, so nothing is lost.
 */

// Latin-1 names in code-point order from U+00A0; HTML also accepts these without the semicolon.
// biome-ignore format: packed so the code-point order stays visible
const latin1Names = [
  'nbsp', 'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo',
  'not', 'shy', 'reg', 'macr', 'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para', 'middot',
  'cedil', 'sup1', 'ordm', 'raquo', 'frac14', 'frac12', 'frac34', 'iquest', 'Agrave', 'Aacute', 'Acirc',
  'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute',
  'Icirc', 'Iuml', 'ETH', 'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash',
  'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN', 'szlig', 'agrave', 'aacute', 'acirc', 'atilde',
  'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc',
  'iuml', 'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave',
  'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];

// biome-ignore format: a table reads better packed
const otherNames: Record<string, number> = {
  Tab: 0x09, NewLine: 0x0a, quot: 0x22, QUOT: 0x22, amp: 0x26, AMP: 0x26, apos: 0x27, lt: 0x3c,
  LT: 0x3c, gt: 0x3e, GT: 0x3e, COPY: 0xa9, REG: 0xae, half: 0xbd, OElig: 0x152, oelig: 0x153,
  Scaron: 0x160, scaron: 0x161, Yuml: 0x178, Zcaron: 0x17d, zcaron: 0x17e, fnof: 0x192, circ: 0x2c6,
  tilde: 0x2dc, Omega: 0x3a9, alpha: 0x3b1, beta: 0x3b2, mu: 0x3bc, pi: 0x3c0, ensp: 0x2002,
  emsp: 0x2003, thinsp: 0x2009, ZeroWidthSpace: 0x200b, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e,
  rlm: 0x200f, hyphen: 0x2010, dash: 0x2010, ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018,
  rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020,
  Dagger: 0x2021, bull: 0x2022, bullet: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032,
  Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, frasl: 0x2044, euro: 0x20ac,
  trade: 0x2122, TRADE: 0x2122, larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194,
  minus: 0x2212, infin: 0x221e, asymp: 0x2248, ne: 0x2260, le: 0x2264, ge: 0x2265, starf: 0x2605,
  star: 0x2606, hearts: 0x2665, check: 0x2713, cross: 0x2717,
};

const named = new Map<string, string>();
latin1Names.forEach((name, i) => {
  named.set(name, String.fromCodePoint(0xa0 + i));
});
for (const [name, code] of Object.entries(otherNames)) named.set(name, String.fromCodePoint(code));

// Names HTML still honours without a trailing semicolon (legacy documents write `&copy 2024`).
const legacyNames = new Set([
  ...latin1Names,
  'amp',
  'AMP',
  'lt',
  'LT',
  'gt',
  'GT',
  'quot',
  'QUOT',
  'COPY',
  'REG',
]);

// Numeric references 0x80–0x9F name C1 controls, but pages that use them meant Windows-1252; the HTML
// standard maps them, so we do too (`&#146;` is a right quote, not an invisible control).
// biome-ignore format: 32 entries, one per code from 0x80 to 0x9F; unmapped codes stay as they are
const windows1252 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const reference = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code >= 0x80 && code <= 0x9f ? windows1252[code - 0x80]! : code);
}

/** Text with every character reference replaced by the character it stands for. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    reference,
    (whole, decimal?: string, hex?: string, name?: string, semicolon?: string) => {
      if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
      const char = named.get(name!);
      if (char === undefined) return whole;
      if (semicolon === '' && !legacyNames.has(name!)) return whole;
      return char;
    },
  );
}

/**
 * Turns an uploaded report's bytes into text. Ad platforms and spreadsheets write reports in
 * several encodings: Meta and Google Ads' "CSV" in UTF-8 (with or without a byte-order mark),
 * Google Ads' "Excel CSV" in UTF-16 little-endian with a mark, and Excel's "CSV (Comma delimited)"
 * re-save in the Windows code page. The mark decides when there is one; otherwise UTF-16 shows as
 * a zero byte in every other position, and bytes that are not valid UTF-8 are read as Windows-1252
 * so "Été" survives rather than turning into replacement characters.
 */

export type ReportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ReportText {
  text: string;
  encoding: ReportEncoding;
}

export function decodeReport(input: string | Uint8Array): ReportText {
  if (typeof input === 'string') return { text: withoutBom(input), encoding: 'utf-8' };
  const bytes = input;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded(bytes.subarray(3), 'utf-8');
  const unmarkedUtf16 = looksLikeUtf16(bytes);
  if (unmarkedUtf16) return decoded(bytes, unmarkedUtf16);
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: windows1252Text(bytes), encoding: 'windows-1252' };
  }
}

function decoded(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): ReportText {
  return { text: withoutBom(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)), encoding };
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic characters (– — ‘ ’ “ ” €
 * …) that spreadsheets put in campaign names. Decoded here because Node 20's TextDecoder reads the
 * label as plain Latin-1 and would turn an en dash into an invisible control character. The five
 * bytes the code page leaves undefined stay the C1 controls they are in Latin-1.
 */
// biome-ignore format: the code page's table, one row per 16 bytes.
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252Text(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? windows1252High[byte - 0x80]! : byte);
  }
  return text;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * UTF-16 without a mark: text in Latin letters has a zero high byte in most characters, which
 * UTF-8 text never has. Looks at the first 512 bytes.
 */
function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 512) & ~1;
  if (length < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = length / 2;
  if (zeroOdd > pairs * 0.6 && zeroEven === 0) return 'utf-16le';
  if (zeroEven > pairs * 0.6 && zeroOdd === 0) return 'utf-16be';
  return null;
}

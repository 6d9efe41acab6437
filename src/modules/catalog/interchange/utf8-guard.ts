import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Stands where invalid UTF-8 bytes were. A Unicode noncharacter (U+FDD0) rather than U+FFFD, so a
 * replacement character that is really in the text is not mistaken for a decoding failure.
 */
export const invalidUtf8Mark = '\uFDD0';

/**
 * Passes bytes through, dropping a leading UTF-8 byte-order mark and replacing each invalid UTF-8
 * sequence with `invalidUtf8Mark`, so the CSV reader can tell which cells were unreadable. Whole
 * chunks are checked with Node's native `isUtf8` (fast on the good path, which is nearly every
 * file); only a chunk that fails is decoded and re-encoded. A character split across two chunks is
 * held back until the next chunk completes it, so the check never cuts a character in half.
 */
export class Utf8Guard extends Transform {
  /** Whether any invalid bytes have been seen so far. */
  sawInvalid = false;
  private atStart = true;
  private carry: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (this.atStart) {
      if (bytes.length < utf8Bom.length && utf8Bom.subarray(0, bytes.length).equals(bytes)) {
        this.carry = bytes;
        done();
        return;
      }
      this.atStart = false;
      if (bytes.subarray(0, 3).equals(utf8Bom)) bytes = bytes.subarray(3);
    }
    const keep = incompleteTailLength(bytes);
    if (keep > 0) {
      this.carry = Buffer.from(bytes.subarray(bytes.length - keep));
      bytes = bytes.subarray(0, bytes.length - keep);
    }
    done(null, this.checked(bytes));
  }

  override _flush(done: TransformCallback): void {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    done(null, rest.length > 0 ? this.checked(rest) : undefined);
  }

  private checked(bytes: Buffer): Buffer {
    if (isUtf8(bytes)) return bytes;
    this.sawInvalid = true;
    return Buffer.from(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replaceAll('\uFFFD', invalidUtf8Mark),
      'utf8',
    );
  }
}

/** How many bytes at the end start a UTF-8 sequence that the next chunk may complete (0–3). */
function incompleteTailLength(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = bytes[n - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

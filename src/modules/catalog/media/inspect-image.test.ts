import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { AppError } from '../../../platform/errors.ts';
import { inspectImage } from './inspect-image.ts';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7' } });

function rejectsWith(code: string, status: number) {
  return (err: unknown) => err instanceof AppError && err.code === code && err.status === status;
}

describe('inspectImage', () => {
  test('reads format and size of every accepted format', async () => {
    const cases = [
      ['jpeg', await solid(120, 80).jpeg().toBuffer()],
      ['png', await solid(120, 80).png().toBuffer()],
      ['webp', await solid(120, 80).webp().toBuffer()],
      ['gif', await solid(120, 80).gif().toBuffer()],
      ['avif', await solid(120, 80).avif().toBuffer()],
    ] as const;
    for (const [format, bytes] of cases) {
      const info = await inspectImage(bytes);
      assert.deepEqual(
        { format: info.format, width: info.width, height: info.height, animated: info.animated },
        { format, width: 120, height: 80, animated: false },
        format,
      );
    }
  });

  test('reads a file by path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'storepilot-inspect-'));
    try {
      const file = path.join(dir, 'photo.png');
      await writeFile(file, await solid(30, 20).png().toBuffer());
      const info = await inspectImage(file);
      assert.deepEqual([info.format, info.width, info.height], ['png', 30, 20]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('reports the displayed size of a photo with an EXIF orientation, and its metadata', async () => {
    // Stored 200×100, orientation 6 (turn a quarter clockwise): shown 100 wide, 200 tall.
    const photo = await solid(200, 100)
      .jpeg()
      .withExif({ IFD0: { Artist: 'Jane Doe' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const info = await inspectImage(photo);
    assert.deepEqual(
      [info.width, info.height, info.orientation, info.hasEmbeddedMetadata],
      [100, 200, 6, true],
    );
    const plain = await inspectImage(await solid(200, 100).jpeg().toBuffer());
    assert.deepEqual([plain.orientation, plain.hasEmbeddedMetadata], [1, false]);
  });

  test('an animated GIF is one frame high and marked animated', async () => {
    const frames = await Promise.all(
      ['#f00', '#0f0', '#00f'].map((colour) =>
        sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    const info = await inspectImage(gif);
    assert.deepEqual([info.width, info.height, info.animated], [40, 30, true]);
  });

  test('an image over the pixel limit is refused before it is decoded', async () => {
    // 8000 × 7000 = 56 megapixels, over the default 50.
    const huge = await solid(8000, 7000).jpeg({ quality: 30 }).toBuffer();
    await assert.rejects(inspectImage(huge), (err: unknown) => {
      assert.ok(rejectsWith('image_too_large', 422)(err));
      assert.deepEqual((err as AppError).details, { width: 8000, height: 7000, maxPixels: 50_000_000 });
      return true;
    });
    await assert.rejects(
      inspectImage(await solid(100, 100).png().toBuffer(), { maxPixels: 9999 }),
      rejectsWith('image_too_large', 422),
    );
    await inspectImage(await solid(100, 100).png().toBuffer(), { maxPixels: 10_000 });
  });

  test('bytes that are not an image are refused, never a crash', async () => {
    const notImages = [
      Buffer.from('name,price\nmug,12.00\n'),
      Buffer.from('<html><body>Not found</body></html>'),
      Buffer.alloc(0),
      Buffer.from([0xff, 0xd8, 0xff]), // a JPEG signature and nothing else
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    ];
    for (const bytes of notImages) {
      await assert.rejects(inspectImage(bytes), rejectsWith('unsupported_image', 422));
    }
  });

  test('a truncated or damaged image is refused as corrupt', async () => {
    const photo = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    await assert.rejects(
      inspectImage(photo.subarray(0, Math.floor(photo.length / 2))),
      rejectsWith('corrupt_image', 422),
    );

    const png = await solid(300, 200).png().toBuffer();
    const damaged = Buffer.from(png);
    // Overwrite the middle of the compressed pixel data.
    damaged.fill(0x41, Math.floor(png.length / 2), png.length - 20);
    await assert.rejects(inspectImage(damaged), rejectsWith('corrupt_image', 422));
  });

  test('SVG is refused with a message that says why', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    );
    await assert.rejects(inspectImage(svg), (err: unknown) => {
      assert.ok(rejectsWith('unsupported_image', 422)(err));
      assert.match((err as AppError).message, /SVG.*scripts/);
      return true;
    });
  });

  test('formats browsers cannot show are refused', async () => {
    const tiff = await solid(20, 20).tiff().toBuffer();
    await assert.rejects(inspectImage(tiff), rejectsWith('unsupported_image', 422));
  });
});

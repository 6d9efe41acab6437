import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import { AppError } from '../../../platform/errors.ts';
import { generateImageSizes } from './image-sizes.ts';

let dataDir: string;
let storage: LocalDiskBlobStorage;

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-image-sizes-'));
  storage = new LocalDiskBlobStorage({ dataDir });
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const solid = (width: number, height: number, background = '#3a7') =>
  sharp({ create: { width, height, channels: 3, background } });

async function readStored(key: string): Promise<Buffer> {
  const content = await storage.get(key);
  assert.ok(content, `blob ${key} is stored`);
  return buffer(content.stream);
}

async function storedFileCount(): Promise<number> {
  const entries = await readdir(storage.rootDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/** A 400×200 JPEG, left half red and right half blue, that says "turn me a quarter clockwise" and carries EXIF. */
async function sidewaysPhoto(): Promise<Buffer> {
  const red = await solid(200, 200, '#ff0000').png().toBuffer();
  return solid(400, 200, '#0000ff')
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Artist: 'Jane Doe', Make: 'PhoneCo' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

describe('generateImageSizes', () => {
  test('makes a WebP at each width with the original aspect ratio', async () => {
    const source = await storage.put(await solid(2000, 1000).png().toBuffer(), { contentType: 'image/png' });
    const manifest = await generateImageSizes(source.key, { storage });

    assert.deepEqual(manifest.original, { key: source.key, width: 2000, height: 1000, format: 'png' });
    assert.deepEqual(
      manifest.sizes.map(({ width, height, format }) => [width, height, format]),
      [
        [160, 80, 'webp'],
        [480, 240, 'webp'],
        [960, 480, 'webp'],
        [1600, 800, 'webp'],
      ],
    );
    for (const size of manifest.sizes) {
      assert.match(size.key, /^[0-9a-f]{64}\.webp$/);
      const stored = await sharp(await readStored(size.key)).metadata();
      assert.deepEqual([stored.format, stored.width, stored.height], ['webp', size.width, size.height]);
    }
  });

  test('never upscales: widths above the original become one rendition at its width', async () => {
    const medium = await storage.put(await solid(500, 300).png().toBuffer(), { contentType: 'image/png' });
    const mediumManifest = await generateImageSizes(medium.key, { storage });
    assert.deepEqual(
      mediumManifest.sizes.map(({ width, height }) => [width, height]),
      [
        [160, 96],
        [480, 288],
        [500, 300],
      ],
    );

    const tiny = await storage.put(await solid(100, 50).jpeg().toBuffer(), { contentType: 'image/jpeg' });
    const tinyManifest = await generateImageSizes(tiny.key, { storage });
    assert.deepEqual(
      tinyManifest.sizes.map(({ width, height }) => [width, height]),
      [[100, 50]],
    );
    for (const size of [...mediumManifest.sizes, ...tinyManifest.sizes]) {
      const stored = await sharp(await readStored(size.key)).metadata();
      assert.ok(stored.width <= 500, `${stored.width} is not wider than the original`);
    }
  });

  test('turns photos upright by their EXIF orientation and strips EXIF (GPS) from everything published', async () => {
    const photo = await sidewaysPhoto();
    assert.ok((await sharp(photo).metadata()).exif, 'the upload carries EXIF');
    const source = await storage.put(photo, { contentType: 'image/jpeg' });
    const manifest = await generateImageSizes(source.key, { storage, widths: [160] });

    assert.equal(manifest.original.format, 'jpeg');
    assert.deepEqual([manifest.original.width, manifest.original.height], [200, 400]);
    assert.notEqual(manifest.original.key, source.key, 'the original with EXIF is not published as is');
    assert.deepEqual(
      manifest.sizes.map(({ width, height }) => [width, height]),
      [[160, 320]],
    );

    for (const key of [manifest.original.key, manifest.sizes[0]!.key]) {
      const published = await readStored(key);
      const metadata = await sharp(published).metadata();
      assert.equal(metadata.exif, undefined, `${key} has no EXIF`);
      assert.equal(metadata.xmp, undefined);
      assert.equal(metadata.iptc, undefined);
      assert.equal(metadata.orientation, undefined);
      // Turned a quarter clockwise, the left (red) half is now on top and the right (blue) below.
      const top = await pixelAt(published, Math.floor(metadata.width / 2), 5);
      const bottom = await pixelAt(published, Math.floor(metadata.width / 2), metadata.height - 5);
      assert.ok(top[0]! > 200 && top[2]! < 60, `top is red: ${top}`);
      assert.ok(bottom[2]! > 200 && bottom[0]! < 60, `bottom is blue: ${bottom}`);
    }
  });

  test('an upright image without metadata is published byte for byte, under its real format', async () => {
    const png = await solid(300, 200).png().toBuffer();
    const hash = createHash('sha256').update(png).digest('hex');
    // Declared as unknown binary: the manifest names it by what it is.
    const upload = await storage.put(png, { contentType: 'application/octet-stream' });
    const manifest = await generateImageSizes(upload.key, { storage });
    assert.equal(manifest.original.key, `${hash}.png`);
    assert.deepEqual(await readStored(manifest.original.key), png);
  });

  test('is idempotent: the same source gives the same manifest and stores nothing new', async () => {
    const source = await storage.put(await sidewaysPhoto(), { contentType: 'image/jpeg' });
    const first = await generateImageSizes(source.key, { storage });
    const filesAfterFirst = await storedFileCount();
    const second = await generateImageSizes(source.key, { storage });
    assert.deepEqual(second, first);
    assert.equal(await storedFileCount(), filesAfterFirst);
  });

  test('a missing source is 404 and a stored non-image is refused', async () => {
    await assert.rejects(
      generateImageSizes(`${'0'.repeat(64)}.png`, { storage }),
      (err: unknown) => err instanceof AppError && err.status === 404,
    );
    const junk = await storage.put(Buffer.from('not a picture at all'), { contentType: 'image/png' });
    await assert.rejects(
      generateImageSizes(junk.key, { storage }),
      (err: unknown) => err instanceof AppError && err.code === 'unsupported_image',
    );
  });

  test('widths must be positive whole numbers', async () => {
    const source = await storage.put(await solid(50, 50).png().toBuffer(), { contentType: 'image/png' });
    await assert.rejects(
      generateImageSizes(source.key, { storage, widths: [160, 0] }),
      (err: unknown) => err instanceof AppError && err.code === 'invalid_image_widths',
    );
  });
});

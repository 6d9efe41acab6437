import { buffer } from 'node:stream/consumers';
import type { Sharp } from 'sharp';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import { badRequest, notFound, unprocessable } from '../../../platform/errors.ts';
import {
  DEFAULT_MAX_IMAGE_PIXELS,
  type ImageFormat,
  type ImageInfo,
  imageContentTypes,
  inspectImage,
  untrustedImageOptions,
} from './inspect-image.ts';
import { loadSharp } from './load-sharp.ts';

/** Widths the storefront and the admin ask for: thumbnails, grid cards, product page, zoom. */
export const DEFAULT_IMAGE_WIDTHS: readonly number[] = [160, 480, 960, 1600];

/** WebP at this quality is visually close to the source and about a third of a JPEG's size. */
const SIZE_QUALITY = 80;

export interface ImageRendition {
  key: string;
  width: number;
  height: number;
}

/** What the catalog records for one product image; every key is a BlobStorage key. */
export interface ImageManifest {
  /** The full-size image in its own format, upright and without embedded metadata. */
  original: ImageRendition & { format: ImageFormat };
  /** WebP renditions, narrowest first; none is wider than the original. */
  sizes: Array<ImageRendition & { format: 'webp' }>;
}

export interface GenerateImageSizesOptions {
  storage: BlobStorage;
  /** Target widths (default 160, 480, 960, 1600); each is capped at the original's width. */
  widths?: readonly number[];
  maxPixels?: number;
}

/**
 * Makes the published renditions of a stored upload. Every output is turned upright by its EXIF
 * orientation and stripped of EXIF, XMP, IPTC and comments (a phone photo carries the GPS position it
 * was taken at). A target wider than the original becomes one rendition at the original's width,
 * so nothing is ever upscaled and even a small image gets a WebP.
 * Renditions of an animated GIF or WebP show its first frame; the original keeps the animation.
 *
 * Idempotent: outputs are content-addressed and the encoders deterministic, so the same source
 * gives the same manifest and stores nothing new the second time. Throws the AppErrors of
 * `inspectImage`, and 404 when no blob has the key.
 */
export async function generateImageSizes(
  sourceKey: string,
  options: GenerateImageSizesOptions,
): Promise<ImageManifest> {
  assertWidths(options.widths ?? DEFAULT_IMAGE_WIDTHS);
  const content = await options.storage.get(sourceKey);
  if (!content) throw notFound('Image', { key: sourceKey });
  return renderImageSizes(await buffer(content.stream), options);
}

/**
 * The same as `generateImageSizes` for bytes that are not stored yet (an upload): nothing but the
 * published files is stored, so a photo's embedded metadata never reaches storage at all.
 */
export async function renderImageSizes(
  source: Buffer,
  options: GenerateImageSizesOptions,
): Promise<ImageManifest> {
  const { storage } = options;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const targets = options.widths ?? DEFAULT_IMAGE_WIDTHS;
  assertWidths(targets);
  const info = await inspectImage(source, { maxPixels });

  const original = await storeOriginal(storage, source, info, maxPixels);
  const widths = [...new Set(targets.map((width) => Math.min(width, info.width)))].sort((a, b) => a - b);
  const sizes: ImageManifest['sizes'] = [];
  const sharp = await loadSharp();
  // One at a time: each decode of a large photo takes hundreds of megabytes.
  for (const width of widths) {
    const { data, info: output } = await encode(
      sharp(source, { ...untrustedImageOptions(maxPixels), autoOrient: true })
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: SIZE_QUALITY }),
      info.format,
    );
    const stored = await storage.put(data, { contentType: 'image/webp' });
    sizes.push({ key: stored.key, width: output.width, height: output.height, format: 'webp' });
  }
  return { original, sizes };
}

function assertWidths(targets: readonly number[]) {
  if (!targets.every((width) => Number.isInteger(width) && width > 0)) {
    throw badRequest('invalid_image_widths', 'Image widths must be positive whole numbers.', {
      widths: targets,
    });
  }
}

/**
 * The original as published: the uploaded bytes when they are already upright and carry nothing
 * personal (no quality lost to re-encoding), otherwise re-encoded in the same format. Stored under
 * the detected format's extension, whatever type the upload was declared with.
 */
async function storeOriginal(
  storage: BlobStorage,
  source: Buffer,
  info: ImageInfo,
  maxPixels: number,
): Promise<ImageManifest['original']> {
  const contentType = imageContentTypes[info.format];
  const rendition = { width: info.width, height: info.height, format: info.format };
  if (!info.hasEmbeddedMetadata && info.orientation === 1) {
    const stored = await storage.put(source, { contentType });
    return { key: stored.key, ...rendition };
  }
  const sharp = await loadSharp();
  const image = sharp(source, {
    ...untrustedImageOptions(maxPixels),
    autoOrient: true,
    animated: info.animated,
  });
  const { data } = await encode(encoderFor(image, info.format), info.format);
  const stored = await storage.put(data, { contentType });
  return { key: stored.key, ...rendition };
}

function encoderFor(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 92 });
    case 'png':
      return image.png();
    case 'webp':
      return image.webp({ quality: 92 });
    case 'gif':
      return image.gif();
    case 'avif':
      return image.avif({ quality: 70 });
  }
}

/** Runs the pipeline; a decoder failure that inspection did not catch is still a client's bad file. */
async function encode(image: Sharp, format: ImageFormat) {
  try {
    return await image.toBuffer({ resolveWithObject: true });
  } catch {
    throw unprocessable('corrupt_image', 'The image is damaged or incomplete and cannot be read.', {
      format,
    });
  }
}

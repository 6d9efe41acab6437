import type { Metadata, SharpOptions } from 'sharp';
import { unprocessable } from '../../../platform/errors.ts';
import { loadSharp } from './load-sharp.ts';

/**
 * Image intake: what the catalog accepts as a product image, decided from the bytes (never from the
 * file name or the declared type).
 *
 * SVG is refused. An SVG is a document, not a picture: it can carry scripts and event handlers that
 * run when the file is opened from our origin (stored XSS on the storefront and the admin), and
 * links to external resources that the rasteriser would fetch from the server (SSRF). Accepting it
 * safely takes a dedicated sanitiser and serving it from a separate origin; product photos do not
 * need vectors, so the store asks for PNG or WebP instead. HEIC, TIFF and the rest are refused
 * because browsers cannot show them.
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

export const imageContentTypes: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** 50 megapixels: above any camera a shop uses, below what would exhaust memory when decoded. */
export const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

export interface InspectImageOptions {
  maxPixels?: number;
}

export interface ImageInfo {
  format: ImageFormat;
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** More than one frame (animated GIF or WebP). */
  animated: boolean;
  /** The EXIF orientation (1 to 8); 1 means stored upright. */
  orientation: number;
  /**
   * Carries EXIF, XMP, IPTC or text comments, which can hold the GPS position a photo was taken at,
   * the camera's serial number or the author's name: such a file must not be published as is.
   */
  hasEmbeddedMetadata: boolean;
}

/** sharp options for every decode of an untrusted image. */
export function untrustedImageOptions(maxPixels: number): SharpOptions {
  // `failOn: 'error'` rejects truncated and broken files yet accepts the harmless warnings that many
  // camera JPEGs carry (browsers show those files, so the shop owner expects us to as well).
  return { failOn: 'error', limitInputPixels: maxPixels };
}

// 422, not 415: the request's own type (a multipart upload, a URL) is fine; its content is what fails.
const unsupportedImage = (message: string, details?: unknown) =>
  unprocessable('unsupported_image', message, details);

const ACCEPTED = 'JPEG, PNG, WebP, GIF or AVIF';

/**
 * Checks that the input is a whole, decodable image in an accepted format and within the pixel
 * limit, and returns its displayed size. Throws AppError: 422 `unsupported_image` (not an image, or
 * a format the store does not accept), 422 `image_too_large` (too many pixels), 422 `corrupt_image`
 * (recognised but cannot be decoded, e.g. truncated). Any failure of the decoder becomes one of
 * these; a bad file never surfaces as a crash.
 */
export async function inspectImage(
  input: Buffer | string,
  options: InspectImageOptions = {},
): Promise<ImageInfo> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  let metadata: Metadata;
  try {
    // Without a pixel limit here: the header is read, not decoded, and the limit is reported below
    // with the image's size instead of sharp's generic message.
    const sharp = await loadSharp();
    metadata = await sharp(input, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    throw unsupportedImage(`The file is not an image the store can use (${ACCEPTED}).`);
  }
  const format = acceptedFormat(metadata);
  if (!format) {
    throw unsupportedImage(
      metadata.format === 'svg'
        ? `SVG images are not accepted because they can contain scripts; upload a PNG or WebP instead.`
        : `Images in ${String(metadata.format).toUpperCase()} format are not accepted; use ${ACCEPTED}.`,
      { format: metadata.format },
    );
  }
  const frameHeight = metadata.pageHeight ?? metadata.height;
  const frames = metadata.pages ?? 1;
  if (!metadata.width || !frameHeight) throw unsupportedImage('The image has no size.');
  if (metadata.width * frameHeight > maxPixels) {
    throw unprocessable(
      'image_too_large',
      `The image is ${metadata.width}×${frameHeight} pixels; the limit is ${Math.floor(maxPixels / 1e6)} megapixels.`,
      { width: metadata.width, height: frameHeight, maxPixels },
    );
  }
  try {
    // Decoding at thumbnail size reads every byte (catching truncation and broken data) and is cheap:
    // JPEG and WebP shrink while decoding.
    const sharp = await loadSharp();
    await sharp(input, untrustedImageOptions(maxPixels)).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw unprocessable('corrupt_image', 'The image is damaged or incomplete and cannot be read.', {
      format,
    });
  }
  const orientation = metadata.orientation ?? 1;
  // Orientations 5 to 8 turn the picture a quarter, so the displayed width is the stored height.
  const swapsSides = orientation >= 5;
  return {
    format,
    width: swapsSides ? frameHeight : metadata.width,
    height: swapsSides ? metadata.width : frameHeight,
    animated: frames > 1,
    orientation,
    hasEmbeddedMetadata: Boolean(
      metadata.exif || metadata.xmp || metadata.iptc || (metadata.comments && metadata.comments.length > 0),
    ),
  };
}

function acceptedFormat(metadata: Metadata): ImageFormat | undefined {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return metadata.format;
    // AVIF is HEIF with AV1 inside; HEIF with HEVC inside (iPhone HEIC) does not show in browsers.
    case 'heif':
      return metadata.compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}

import type { ProductRecord } from '../interchange/product-record.ts';
import { MEDIA_PATH_PREFIX } from '../media/image-source.ts';
import { absoluteMediaUrl, mediaKeyOfUrl } from '../media/own-media-url.ts';

/**
 * Images the store holds itself (uploads) have no URL of their own: a file names them by where the
 * store serves them. An export writes that address absolute, so the file works anywhere (another
 * platform or installation downloads it like any remote image); an import that finds its own
 * address of an image the product already has reads it as that image, so a round trip changes nothing.
 */

function mapImageUrls(record: ProductRecord, map: (src: string) => string): ProductRecord {
  return {
    ...record,
    images: record.images.map((image) => ({ ...image, src: map(image.src) })),
    variants: record.variants.map((variant) =>
      variant.imageSrc === null ? variant : { ...variant, imageSrc: map(variant.imageSrc) },
    ),
  };
}

/** Export: `/media/<key>` addresses become absolute URLs under the installation's public base URL. */
export function withAbsoluteMediaUrls(record: ProductRecord, baseUrl: string): ProductRecord {
  const prefix = `${MEDIA_PATH_PREFIX}/`;
  return mapImageUrls(record, (src) => {
    if (!src.startsWith(prefix)) return src;
    const key = mediaKeyOfUrl(src);
    return key ? absoluteMediaUrl(baseUrl, key) : src;
  });
}

/**
 * Import: a file's image URL that names the same stored file (`…/media/<key>`) as an image of the
 * stored product is written as that image's address in `stored` (its record as `recordFromDetail`
 * makes it), so the gallery update keeps the image rather than recording a URL to download.
 * Any other URL, our own media included, stays as it is and is downloaded like any remote image.
 */
export function withStoredMediaAddresses(record: ProductRecord, stored: ProductRecord): ProductRecord {
  const storedByKey = new Map<string, string>();
  for (const image of stored.images) {
    const key = mediaKeyOfUrl(image.src);
    if (key && !storedByKey.has(key)) storedByKey.set(key, image.src);
  }
  if (storedByKey.size === 0) return record;
  return mapImageUrls(record, (src) => {
    const key = mediaKeyOfUrl(src);
    return (key && storedByKey.get(key)) || src;
  });
}

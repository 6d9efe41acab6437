import { type ImageManifest, mediaPath, responsiveImage } from '../modules/catalog/index.ts';

/** What an `<img>` is given: `srcset` and `sizes` only when the image has generated sizes. */
export interface ImageAttributes {
  src: string;
  srcset?: string;
  sizes?: string;
  width: number;
  height: number;
}

/**
 * An image's attributes: the generated sizes of a stored image (the browser picks the rendition for
 * the screen), or the address it has as it is (a remote image not yet downloaded, demo artwork),
 * shown at the size the layout reserves for it.
 */
export function imageAttributes(
  src: string,
  manifest: ImageManifest | undefined,
  shown: { sizes: string; fallbackWidth: number; width: number; height: number },
): ImageAttributes {
  if (!manifest) return { src, width: shown.width, height: shown.height };
  const responsive = responsiveImage(manifest, mediaPath, {
    sizes: shown.sizes,
    fallbackWidth: shown.fallbackWidth,
  });
  return {
    src: responsive.src,
    srcset: responsive.srcset,
    sizes: responsive.sizes,
    width: responsive.width,
    height: responsive.height,
  };
}

import type { ImageManifest, ImageRendition } from './image-sizes.ts';

/** Where a key is served: a URL prefix (`/media`, `https://cdn.example.com/media`) or `storage.publicPath`. */
export type MediaUrlBase = string | ((key: string) => string);

export function mediaUrl(base: MediaUrlBase, key: string): string {
  return typeof base === 'function' ? base(key) : `${base.replace(/\/+$/, '')}/${key}`;
}

/** The `srcset` attribute: every WebP rendition with its width (`…/k1.webp 160w, …/k2.webp 480w`). */
export function buildSrcset(manifest: ImageManifest, base: MediaUrlBase): string {
  const renditions: ImageRendition[] = manifest.sizes.length > 0 ? manifest.sizes : [manifest.original];
  return [...renditions]
    .sort((a, b) => a.width - b.width)
    .map((rendition) => `${mediaUrl(base, rendition.key)} ${rendition.width}w`)
    .join(', ');
}

export interface ResponsiveImageOptions {
  /** The `sizes` attribute: how wide the image is shown (default `100vw`). */
  sizes?: string;
  /** The `src` fallback is the widest rendition not wider than this (default 960). */
  fallbackWidth?: number;
}

export interface ResponsiveImageAttributes {
  src: string;
  srcset: string;
  sizes: string;
  /** The fallback's size: with both set, the browser reserves the space before loading (no layout shift). */
  width: number;
  height: number;
}

/** Everything an `<img>` needs to load the right rendition for the screen. */
export function responsiveImage(
  manifest: ImageManifest,
  base: MediaUrlBase,
  options: ResponsiveImageOptions = {},
): ResponsiveImageAttributes {
  const fallbackWidth = options.fallbackWidth ?? 960;
  const narrowestFirst = [...manifest.sizes].sort((a, b) => a.width - b.width);
  const fallback =
    narrowestFirst.filter((rendition) => rendition.width <= fallbackWidth).at(-1) ??
    narrowestFirst[0] ??
    manifest.original;
  return {
    src: mediaUrl(base, fallback.key),
    srcset: buildSrcset(manifest, base),
    sizes: options.sizes ?? '100vw',
    width: fallback.width,
    height: fallback.height,
  };
}

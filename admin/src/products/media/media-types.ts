/** A product image as the gallery API answers it (src/modules/catalog/media/routes.ts). */
export interface GalleryImage {
  id: string;
  position: number;
  /** Where to show it from: `/media/<key>` once stored, else the URL it was recorded with. */
  url: string | null;
  sourceUrl: string | null;
  mediaKey: string | null;
  width: number | null;
  height: number | null;
  alt: string | null;
  altByLocale: Record<string, string>;
  format: string | null;
  bytes: number | null;
  sizes: { width: number; height: number; url: string }[];
  srcset: string | null;
  variantIds: string[];
  download: { status: string; errorCode: string | null; error: string | null; attempts: number } | null;
}

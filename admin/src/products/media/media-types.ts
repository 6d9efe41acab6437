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

/** The revision a staged gallery change went into. */
export interface StagedRevisionRef {
  id: string;
  number: number;
  state: string;
}

/** GET …/images: the live gallery, and the one the product's staged revision proposes. */
export interface Gallery {
  images: GalleryImage[];
  locales: string[];
  staged: { revision: StagedRevisionRef; images: GalleryImage[] } | null;
}

/**
 * What a change answers: the live gallery after it, or (`staged`, someone who cannot publish
 * changing a live product) the gallery the staged revision now proposes.
 */
export interface GalleryChangeAnswer {
  staged: boolean;
  image: GalleryImage | null;
  images: GalleryImage[];
  /** The staged revision; for a product that is not live, its review under way (if any). */
  revision: StagedRevisionRef | null;
  /** The change sent what was in review or approved back to draft: it must be submitted again. */
  reviewReset: boolean;
}

import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import type { CatalogWriter } from '../products.ts';
import { getProduct } from '../products.ts';
import { entityIdsOf, readLocaleRows, translationInputFromRows } from '../translations/locale-translation.ts';
import { IMAGE_ALT_FIELD } from '../translations/translatable-fields.ts';
import {
  type ContentImage,
  changesAsEdit,
  contentOf,
  normalStagedChanges,
  type ProductContent,
  type StagedChanges,
  type StagedUpload,
  withChanges,
} from '../workflow/product-content.ts';
import { findOpenRevision, type Revision } from '../workflow/revision-store.ts';
import {
  type ProductChange,
  type StagingState,
  stageProductChange,
} from '../workflow/stage-product-change.ts';
import { mediaPath } from './image-source.ts';
import type { GalleryImage, GalleryStore, ImageChanges } from './product-images.ts';

/**
 * The gallery of a live product as its staged revision proposes it, and the gallery changes of
 * someone whose changes are staged (no catalog:publish): uploads, alt text, order, variant images
 * and removals go into the product's staged revision through stageProductChange, and the live
 * gallery stays as it is until a reviewer approves and publishes the revision.
 *
 * Images the revision adds have no row yet; they are named `staged_<hash of their address>`, an id
 * that stays the same while the revision is open, so they can be moved, described or removed too.
 */

export const STAGED_IMAGE_PREFIX = 'staged_';

export function stagedImageId(url: string): string {
  return `${STAGED_IMAGE_PREFIX}${createHash('sha256').update(url).digest('base64url').slice(0, 24)}`;
}

/** The revision a staged gallery belongs to (or, for a direct change, the review under way), as answers name it. */
export const stagedRevisionRef = (revision: Revision) => ({
  id: revision.id,
  number: revision.number,
  state: revision.state,
});

export interface StagedGalleryChange {
  images: GalleryImage[];
  image: GalleryImage | null;
  revision: ReturnType<typeof stagedRevisionRef> | null;
  /** True when the change sent a revision that was in review or approved back to draft. */
  reviewReset: boolean;
}

/** The proposed gallery in the API's shape, from the live gallery, the proposed content and the staged files and alt text. */
export function proposedGallery(
  store: GalleryStore,
  live: GalleryImage[],
  proposed: ProductContent,
  staged: StagedChanges,
): GalleryImage[] {
  const uploads = new Map((staged.uploads ?? []).map((upload) => [mediaPath(upload.key), upload]));
  const used = new Set<string>();
  return proposed.images.map((image, index) => {
    const position = index + 1;
    const variantIds = proposed.variants.flatMap((v) => (v.imagePosition === position && v.id ? [v.id] : []));
    const kept = live.find((g) => !used.has(g.id) && (g.sourceUrl ?? g.url) === image.url);
    if (kept) {
      used.add(kept.id);
      const altByLocale = { ...kept.altByLocale };
      const setAlt = (locale: string, alt: string | null | undefined) => {
        if (alt) altByLocale[locale] = alt;
        else delete altByLocale[locale];
      };
      setAlt(store.locale, image.alt);
      for (const [locale, rows] of Object.entries(staged.translations ?? {})) {
        setAlt(locale, rows.find((r) => r.entityId === kept.id && r.field === IMAGE_ALT_FIELD)?.value);
      }
      return { ...kept, position, alt: image.alt, altByLocale, variantIds };
    }
    const upload = uploads.get(image.url);
    return {
      id: stagedImageId(image.url),
      position,
      url: image.url,
      sourceUrl: upload ? null : image.url,
      mediaKey: upload?.key ?? null,
      width: upload?.width ?? null,
      height: upload?.height ?? null,
      alt: image.alt,
      altByLocale: image.alt ? { [store.locale]: image.alt } : {},
      format: upload?.format ?? null,
      bytes: upload?.bytes ?? null,
      sizes: upload?.sizes ?? [],
      variantIds,
      download: null,
    };
  });
}

/** The open staged revision's gallery (null when the product has no staged revision). */
export async function stagedGalleryOf(db: Db, store: GalleryStore, productId: string, live: GalleryImage[]) {
  const open = await findOpenRevision(db, productId);
  if (open?.kind !== 'staged') return null;
  const detail = await getProduct(db, store.id, productId);
  const staged = normalStagedChanges(open.changes);
  return {
    revision: stagedRevisionRef(open),
    images: proposedGallery(store, live, withChanges(contentOf(detail), staged), staged),
  };
}

/**
 * Stages one gallery change computed on the proposed gallery (what the writer sees), in the caller's
 * transaction, and answers the proposed gallery after it. `imageUrl` names the image to answer with.
 */
async function stageGalleryChange(
  tx: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  live: GalleryImage[],
  change: (
    gallery: GalleryImage[],
    state: StagingState,
  ) =>
    | { change: ProductChange | null; imageUrl?: string }
    | Promise<{ change: ProductChange | null; imageUrl?: string }>,
): Promise<StagedGalleryChange> {
  let imageUrl: string | undefined;
  const outcome = await stageProductChange(tx, {
    store: { id: store.id, locale: store.locale, enabledLocales: store.locales },
    product: productId,
    actor: writer.actor,
    change: async (state) => {
      const planned = await change(proposedGallery(store, live, state.proposed, state.staged), state);
      imageUrl = planned.imageUrl;
      return planned.change;
    },
  });
  const images = proposedGallery(
    store,
    live,
    outcome.proposed,
    normalStagedChanges(outcome.revision?.changes),
  );
  return {
    images,
    image: imageUrl === undefined ? null : (images.find((i) => (i.sourceUrl ?? i.url) === imageUrl) ?? null),
    revision: outcome.revision ? stagedRevisionRef(outcome.revision) : null,
    reviewReset: outcome.reviewReset,
  };
}

const urlOf = (image: GalleryImage) => (image.sourceUrl ?? image.url)!;

/** The proposed image with this id and its place, else 404 (as for an image the product does not have). */
function findImage(gallery: GalleryImage[], imageId: string) {
  const index = gallery.findIndex((image) => image.id === imageId);
  if (index < 0) throw notFound('Image');
  return { index, image: gallery[index]! };
}

const asImages = (images: ContentImage[]) => images.map(({ url, alt }) => ({ url, alt }));

/** An uploaded file (already in media storage) added at the end of the proposed gallery. */
export function stageUpload(
  tx: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  live: GalleryImage[],
  upload: StagedUpload & { alt: string | null; maxImages: number },
): Promise<StagedGalleryChange> {
  const url = mediaPath(upload.key);
  return stageGalleryChange(tx, writer, store, productId, live, (_gallery, { proposed }) => {
    // The same file twice would be the same image: the gallery already shows it.
    if (proposed.images.some((image) => image.url === url)) return { change: null, imageUrl: url };
    if (proposed.images.length >= upload.maxImages) {
      throw unprocessable('too_many_images', `A product has at most ${upload.maxImages} images.`);
    }
    const { alt, maxImages: _max, ...file } = upload;
    return {
      change: { images: [...asImages(proposed.images), { url, alt }], uploads: [file] },
      imageUrl: url,
    };
  });
}

/** Alt text (default locale on the image, other locales as staged translations) and variant links. */
export function stageImageUpdate(
  tx: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  live: GalleryImage[],
  imageId: string,
  changes: ImageChanges & { locale: string },
): Promise<StagedGalleryChange> {
  return stageGalleryChange(tx, writer, store, productId, live, async (gallery, state) => {
    const { index, image } = findImage(gallery, imageId);
    const { proposed, staged } = state;
    const change: ProductChange = {};
    if (changes.alt !== undefined) {
      const alt = changes.alt?.trim() || null;
      if (changes.locale === store.locale) {
        change.images = asImages(proposed.images).map((img, i) => (i === index ? { ...img, alt } : img));
      } else {
        if (image.id.startsWith(STAGED_IMAGE_PREFIX)) {
          throw conflict(
            'image_not_published',
            'Alt text in other languages is added once the image is published; give it the default-language text now.',
          );
        }
        const rows =
          staged.translations?.[changes.locale] ??
          (await readLocaleRows(tx, entityIdsOf(state.live), changes.locale));
        const translation = translationInputFromRows(state.live, rows);
        translation.images = { ...translation.images, [image.id]: alt };
        change.translations = { [changes.locale]: translation };
      }
    }
    if (changes.variantIds !== undefined) {
      const wanted = new Set(changes.variantIds);
      const own = new Set(proposed.variants.flatMap((v) => (v.id ? [v.id] : [])));
      const unknown = [...wanted].filter((id) => !own.has(id));
      if (unknown.length > 0) {
        throw unprocessable('unknown_variant', 'Some variants are not variants of this product.', {
          variantIds: unknown,
        });
      }
      const position = index + 1;
      const variants = proposed.variants.map((v) => ({
        ...v,
        imagePosition:
          v.id && wanted.has(v.id) ? position : v.imagePosition === position ? null : v.imagePosition,
      }));
      if (variants.some((v, i) => v.imagePosition !== proposed.variants[i]!.imagePosition)) {
        change.variants = changesAsEdit({ variants }).variants;
      }
    }
    return { change, imageUrl: urlOf(image) };
  });
}

/** The proposed gallery in a new order; the list must name every image of it exactly once. */
export function stageReorder(
  tx: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  live: GalleryImage[],
  imageIds: readonly string[],
): Promise<StagedGalleryChange> {
  return stageGalleryChange(tx, writer, store, productId, live, (gallery, { proposed }) => {
    const current = new Set(gallery.map((i) => i.id));
    const given = new Set(imageIds);
    if (
      given.size !== imageIds.length ||
      given.size !== current.size ||
      ![...given].every((id) => current.has(id))
    ) {
      throw unprocessable('image_order_mismatch', 'List every image of the product exactly once.', {
        imageIds: gallery.map((i) => i.id),
      });
    }
    const images = asImages(proposed.images);
    return { change: { images: imageIds.map((id) => images[findImage(gallery, id).index]!) } };
  });
}

/** The proposed gallery without one image (its variants stop showing it). */
export function stageImageRemoval(
  tx: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  live: GalleryImage[],
  imageId: string,
): Promise<StagedGalleryChange> {
  return stageGalleryChange(tx, writer, store, productId, live, (gallery, { proposed }) => {
    const { index } = findImage(gallery, imageId);
    return { change: { images: asImages(proposed.images).filter((_, i) => i !== index) } };
  });
}

import {
  findLocalizedProduct,
  type ImageManifest,
  listActiveProducts,
  loadCoverImageManifests,
  loadImageManifests,
  loadProductDetails,
  localizeProductDetail,
  localizeProducts,
  type Product,
  type ProductDetail,
} from '../../modules/catalog/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { homePath, productPath, type StorefrontSite } from '../site.ts';
import { localeAlternates } from './locale-site.ts';

/** What the storefront's pages read, in the page's locale, with the page's other-language versions. */

/**
 * The home page's products in the page's locale, with their pictures' generated sizes; the site
 * comes back with the home's alternates.
 */
export async function loadLocalizedHome(db: Db, site: StorefrontSite, limit: number) {
  const products = await listActiveProducts(db, site.store.id, limit);
  const [localized, images] = await Promise.all([
    localizeProducts(db, site.store, site.locale, products, 'card'),
    loadCoverImageManifests(db, site.store.id, products),
  ]);
  return { site: { ...site, alternates: localeAlternates(site, homePath) }, products: localized, images };
}

export type LocalizedProductPage =
  | {
      kind: 'page';
      site: StorefrontSite;
      detail: ProductDetail;
      related: Product[];
      /** Generated sizes of the gallery's images (by image id) and of the related cards' (by product id). */
      images: { gallery: Map<string, ImageManifest>; related: Map<string, ImageManifest> };
    }
  /** The product lives at another handle in this locale (renamed, or localized): 301 there. */
  | { kind: 'moved'; location: string }
  | { kind: 'missing' };

/** A product page's content in the page's locale: the product, a few others to move on to, and its alternates. */
export async function loadLocalizedProductPage(
  db: Db,
  site: StorefrontSite,
  handle: string,
  relatedCount: number,
): Promise<LocalizedProductPage> {
  const { store } = site;
  const [found, recent] = await Promise.all([
    findLocalizedProduct(db, store, site.locale, handle),
    listActiveProducts(db, store.id, relatedCount + 1),
  ]);
  if (!found) return { kind: 'missing' };
  if ('movedTo' in found) return { kind: 'moved', location: productPath(site, found.movedTo) };
  const [detail] = await loadProductDetails(db, [found.product]);
  const others = recent.filter((p) => p.id !== found.product.id).slice(0, relatedCount);
  const [localized, related, gallery, relatedImages] = await Promise.all([
    localizeProductDetail(db, store, site.locale, detail!),
    localizeProducts(db, store, site.locale, others, 'card'),
    loadImageManifests(
      db,
      store.id,
      detail!.images.map((i) => i.id),
    ),
    loadCoverImageManifests(db, store.id, others),
  ]);
  const handleIn = (locale: string) => localized.handles.get(locale) ?? found.product.handle;
  return {
    kind: 'page',
    site: { ...site, alternates: localeAlternates(site, (s) => productPath(s, handleIn(s.locale))) },
    detail: localized.detail,
    related,
    images: { gallery, related: relatedImages },
  };
}

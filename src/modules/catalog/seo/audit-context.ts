import { normalizeSitePath } from './internal-links.ts';
import type { SeoAuditProduct } from './seo-audit-types.ts';
import { collapseWhitespace } from './seo-thresholds.ts';

/**
 * What the store-wide rules need to know about the other products, computed once per store so a
 * whole-catalog audit is one pass and a single product (say, in the editor) reuses the same context.
 */
export interface AuditContext {
  /** When set, a product without a meta title is titled "Title | Store" as the storefront renders it. */
  readonly storeName: string | null;
  /** Duplicate key of a product title → ids of the products (not archived) that use it. */
  readonly titleOwners: ReadonlyMap<string, ReadonlySet<string>>;
  /** Duplicate key of the meta title a product shows → ids of the products (not archived) showing it. */
  readonly metaTitleOwners: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every normalised path the storefront answers. */
  readonly validPaths: ReadonlySet<string>;
}

export interface AuditContextOptions {
  /**
   * Every path the storefront answers: product, collection and category pages, static pages. The
   * paths of the active products in the list are added automatically.
   */
  validPaths?: Iterable<string>;
  storeName?: string | null;
}

/** Titles compare equal regardless of case and spacing: "Blue  Shirt" and "blue shirt" collide. */
export function duplicateKey(text: string): string {
  return collapseWhitespace(text.normalize('NFC')).toLowerCase();
}

export interface EffectiveMetaTitle {
  text: string;
  /** True when no meta title is set and the product title stands in for it. */
  fromFallback: boolean;
}

/** The title a search result shows for the product: its meta title, else what the storefront falls back to. */
export function effectiveMetaTitle(
  product: Pick<SeoAuditProduct, 'title' | 'seoTitle'>,
  storeName: string | null,
): EffectiveMetaTitle {
  const own = collapseWhitespace(product.seoTitle ?? '');
  if (own !== '') return { text: own, fromFallback: false };
  const title = collapseWhitespace(product.title);
  return { text: storeName ? `${title} | ${storeName}` : title, fromFallback: true };
}

function addOwner(owners: Map<string, Set<string>>, key: string, id: string): void {
  if (key === '') return;
  const set = owners.get(key);
  if (set) set.add(id);
  else owners.set(key, new Set([id]));
}

export function buildAuditContext(
  products: Iterable<SeoAuditProduct>,
  options: AuditContextOptions = {},
): AuditContext {
  const storeName = options.storeName?.trim() || null;
  const titleOwners = new Map<string, Set<string>>();
  const metaTitleOwners = new Map<string, Set<string>>();
  const validPaths = new Set<string>();
  for (const path of options.validPaths ?? []) validPaths.add(normalizeSitePath(path));
  for (const product of products) {
    if (product.status === 'archived') continue;
    addOwner(titleOwners, duplicateKey(product.title), product.id);
    addOwner(metaTitleOwners, duplicateKey(effectiveMetaTitle(product, storeName).text), product.id);
    if (product.status === 'active') validPaths.add(normalizeSitePath(product.urlPath));
  }
  return { storeName, titleOwners, metaTitleOwners, validPaths };
}

/** How many products other than `productId` hold `key` in `owners`, and a few of their ids. */
export function otherOwners(
  owners: ReadonlyMap<string, ReadonlySet<string>>,
  key: string,
  productId: string,
  sampleSize = 5,
): { count: number; sample: string[] } {
  const set = owners.get(key);
  if (!set) return { count: 0, sample: [] };
  const count = set.size - (set.has(productId) ? 1 : 0);
  const sample: string[] = [];
  for (const id of set) {
    if (sample.length >= sampleSize) break;
    if (id !== productId) sample.push(id);
  }
  return { count, sample };
}

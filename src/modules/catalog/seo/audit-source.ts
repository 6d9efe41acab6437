import { and, asc, between, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { imageSrc } from '../media/image-source.ts';
import { productImages, products } from '../schema.ts';
import { type AuditContext, duplicateKey, effectiveMetaTitle } from './audit-context.ts';
import { readDescriptionHtml } from './description-html.ts';
import { classifyLink, normalizeSitePath, siteHost } from './internal-links.ts';
import type { SeoAuditProduct, SeoProductStatus } from './seo-audit-types.ts';
import { productPagePath, productPagePaths, type StoreSeoSite, storeFixedPaths } from './store-site.ts';

/**
 * The database side of the SEO audit: the store-wide facts the rules compare against (duplicate
 * titles, the paths the storefront answers) and the products themselves, read in pages so that a
 * catalog of any size is audited with flat memory.
 */

export interface AuditStore {
  id: string;
  handle: string;
  name: string;
  locale: string;
  domains: readonly string[];
}

/** Products read per query when streaming a whole store. */
export const AUDIT_PAGE_SIZE = 500;

// Every character JavaScript's `\s` matches (which `duplicateKey` collapses), removed with
// translate(), which costs about half of the equivalent regular expression.
const WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * A key at least as loose as `duplicateKey`: all whitespace removed rather than collapsed. Two texts
 * that `duplicateKey` calls equal always share it, so grouping by it in SQL finds every candidate
 * group, and the exact key then splits the rare group that only the looser key joined.
 */
function looseKey(text: SQL) {
  return sql`lower(normalize(translate(${text}, ${WHITESPACE}, ''), NFC))`;
}

/**
 * The store's products (not archived) with both keys, each computed once per row: the title's, and
 * the key of the title a result shows (the meta title unless it is blank, else the storefront's
 * fallback "Title | Store"). Removing whitespace and lower-casing work character by character and
 * the fallback's suffix starts with a separator, so the fallback's key is the title's key followed
 * by the suffix's: no second pass over the title.
 */
function keyedProducts(store: AuditStore) {
  const storeName = store.name.trim() || null;
  const suffixKey = storeName ? looseKey(sql`${` | ${storeName}`}`) : sql`''`;
  const keyed = sql`(
    select id, title, seo_title, title_key,
      coalesce(nullif(seo_key, ''), title_key || ${suffixKey}) as meta_key
    from (
      select ${products.id} as id, ${products.title} as title, ${products.seoTitle} as seo_title,
        ${looseKey(sql`${products.title}`)} as title_key,
        ${looseKey(sql`coalesce(${products.seoTitle}, '')`)} as seo_key
      from ${products}
      where ${products.storeId} = ${store.id} and ${products.status} <> 'archived'
    ) raw
  )`;
  return { storeName, keyed };
}

interface TwinRow extends Record<string, unknown> {
  id: string;
  title: string;
  seo_title: string | null;
  title_twins: number | string;
  meta_twins: number | string;
}

/** drizzle's `execute` answers an array on PGlite and a result object on node-postgres. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

function ownerMaps(rows: TwinRow[], storeName: string | null) {
  const titleOwners = new Map<string, Set<string>>();
  const metaTitleOwners = new Map<string, Set<string>>();
  const add = (owners: Map<string, Set<string>>, key: string, id: string) => {
    if (key === '') return;
    const set = owners.get(key);
    if (set) set.add(id);
    else owners.set(key, new Set([id]));
  };
  for (const row of rows) {
    if (Number(row.title_twins) > 1) add(titleOwners, duplicateKey(row.title), row.id);
    if (Number(row.meta_twins) > 1) {
      const shown = effectiveMetaTitle({ title: row.title, seoTitle: row.seo_title }, storeName);
      add(metaTitleOwners, duplicateKey(shown.text), row.id);
    }
  }
  return { storeName, titleOwners, metaTitleOwners };
}

/**
 * The products (not archived) that share a title or a search-result title with another, grouped in
 * the database: only those rows come back, never the whole store.
 */
async function duplicateOwners(db: Db, store: AuditStore) {
  const { storeName, keyed } = keyedProducts(store);
  const rows = await db.execute<TwinRow>(sql`
    select id, title, seo_title, title_twins, meta_twins from (
      select id, title, seo_title,
        count(*) over (partition by title_key) as title_twins,
        count(*) over (partition by meta_key) as meta_twins
      from ${keyed} keyed
    ) counted
    where title_twins > 1 or meta_twins > 1`);
  return ownerMaps(rowsOf<TwinRow>(rows), storeName);
}

/** The same for one product: the products whose title or shown title matches its own, itself included. */
async function duplicateOwnersOf(db: Db, store: AuditStore, productId: string) {
  const { storeName, keyed } = keyedProducts(store);
  const rows = await db.execute<TwinRow>(sql`
    with keyed as materialized (select * from ${keyed} k),
      own as (select title_key, meta_key from keyed where id = ${productId})
    select keyed.id, keyed.title, keyed.seo_title,
      case when keyed.title_key = own.title_key then 2 else 0 end as title_twins,
      case when keyed.meta_key = own.meta_key then 2 else 0 end as meta_twins
    from keyed, own
    where keyed.title_key = own.title_key or keyed.meta_key = own.meta_key`);
  return ownerMaps(rowsOf<TwinRow>(rows), storeName);
}

/**
 * The handles of every product that counts (not archived), in order, with their status: where the
 * pages of a whole-store read start and end, and which product pages exist.
 */
async function catalogIndex(db: Db, store: AuditStore) {
  return db
    .select({ handle: products.handle, status: products.status })
    .from(products)
    .where(and(eq(products.storeId, store.id), ne(products.status, 'archived')))
    .orderBy(asc(products.handle));
}

function pathsOf(store: AuditStore, site: StoreSeoSite, activeHandles: Iterable<string>): Set<string> {
  const paths = new Set(storeFixedPaths(store, site).map(normalizeSitePath));
  for (const handle of activeHandles) {
    for (const path of productPagePaths(store, site, handle)) paths.add(normalizeSitePath(path));
  }
  return paths;
}

export interface StoreAuditSource {
  context: AuditContext;
  /** Handles bounding each page of the catalog, in order. */
  pages: { first: string; last: string }[];
}

/** The store-wide context every rule needs, and how to page through the catalog, from two queries. */
export async function loadStoreAuditSource(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<StoreAuditSource> {
  const [owners, index] = await Promise.all([duplicateOwners(db, store), catalogIndex(db, store)]);
  const active = index.filter((row) => row.status === 'active').map((row) => row.handle);
  const pages: StoreAuditSource['pages'] = [];
  for (let i = 0; i < index.length; i += pageSize) {
    pages.push({ first: index[i]!.handle, last: index[Math.min(i + pageSize, index.length) - 1]!.handle });
  }
  return { context: { ...owners, validPaths: pathsOf(store, site, active) }, pages };
}

/**
 * The context for auditing one product: only its own duplicates, and of the store's paths only the
 * ones its description links to, so the editor's audit costs a few small queries.
 */
export async function loadProductAuditContext(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
  product: SeoAuditProduct,
): Promise<AuditContext> {
  const linked = new Set<string>();
  const pageUrl = new URL(product.urlPath, site.baseUrl);
  const host = siteHost(pageUrl.hostname);
  for (const href of readDescriptionHtml(product.descriptionHtml).links) {
    const target = classifyLink(href, pageUrl, host);
    if (target.kind !== 'internal') continue;
    const at = target.path.lastIndexOf('/products/');
    if (at >= 0) linked.add(target.path.slice(at + '/products/'.length));
  }
  const [owners, active] = await Promise.all([
    duplicateOwnersOf(db, store, product.id),
    linked.size === 0
      ? Promise.resolve([])
      : db
          .select({ handle: products.handle })
          .from(products)
          .where(
            and(
              eq(products.storeId, store.id),
              eq(products.status, 'active'),
              inArray(products.handle, [...linked]),
            ),
          ),
  ]);
  const handles = active.map((row) => row.handle);
  if (product.status === 'active') handles.push(product.handle);
  return { ...owners, validPaths: pathsOf(store, site, handles) };
}

const auditColumns = {
  id: products.id,
  handle: products.handle,
  title: products.title,
  description: products.description,
  seoTitle: products.seoTitle,
  seoDescription: products.seoDescription,
  focusKeyword: products.focusKeyword,
  status: products.status,
};

interface AuditRow {
  id: string;
  handle: string;
  title: string;
  description: string;
  seoTitle: string | null;
  seoDescription: string | null;
  focusKeyword: string | null;
  status: string;
}

async function withImages(
  db: Db,
  rows: AuditRow[],
  store: AuditStore,
  site: StoreSeoSite,
): Promise<SeoAuditProduct[]> {
  if (rows.length === 0) return [];
  const images = await db
    .select({
      productId: productImages.productId,
      mediaKey: productImages.mediaKey,
      sourceUrl: productImages.sourceUrl,
      alt: productImages.alt,
    })
    .from(productImages)
    .where(
      inArray(
        productImages.productId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(productImages.productId), asc(productImages.position));
  const byProduct = new Map<string, { url: string; alt: string | null }[]>();
  for (const image of images) {
    const list = byProduct.get(image.productId) ?? [];
    list.push({ url: imageSrc(image) ?? '', alt: image.alt });
    byProduct.set(image.productId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    handle: row.handle,
    title: row.title,
    descriptionHtml: row.description,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    focusKeyword: row.focusKeyword,
    status: row.status as SeoProductStatus,
    images: byProduct.get(row.id) ?? [],
    urlPath: productPagePath(site, row.handle),
    locale: store.locale,
    baseUrl: site.baseUrl,
  }));
}

/** One product as the audit reads it, or undefined when the store has no such product. */
export async function loadAuditProduct(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
  productId: string,
): Promise<SeoAuditProduct | undefined> {
  const rows = await db
    .select(auditColumns)
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.id, productId)));
  return (await withImages(db, rows, store, site))[0];
}

/** Some products of the store by id, in no particular order (missing ids are skipped). */
export async function loadAuditProducts(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
  ids: readonly string[],
): Promise<SeoAuditProduct[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(auditColumns)
    .from(products)
    .where(and(eq(products.storeId, store.id), inArray(products.id, [...ids])));
  return withImages(db, rows, store, site);
}

/**
 * The products that count in the store-wide audit (not archived), one page at a time. Each page is
 * the range of handles between two bounds taken from the catalog index: a range scan on the store's
 * handle index that touches only that page's rows, whatever the planner's statistics say.
 */
export async function* auditProductPages(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
  pages: StoreAuditSource['pages'],
): AsyncGenerator<SeoAuditProduct[]> {
  for (const { first, last } of pages) {
    const rows = await db
      .select(auditColumns)
      .from(products)
      .where(
        and(
          eq(products.storeId, store.id),
          ne(products.status, 'archived'),
          between(products.handle, first, last),
        ),
      );
    yield await withImages(db, rows, store, site);
  }
}

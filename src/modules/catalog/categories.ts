import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lockCategoryTree } from './category-tree/category-tree.ts';
import { suggestHandle } from './handles.ts';
import { categories } from './schema.ts';

export const CATEGORY_SEPARATOR = ' > ';

/** "Clothing > Tshirts" → ["Clothing", "Tshirts"]; empty levels dropped. */
export function categoryLevels(path: string): string[] {
  return path
    .split('>')
    .map((level) => level.trim())
    .filter(Boolean);
}

/**
 * The id of the category at `path`, creating the missing levels of the tree (imports name
 * categories by path). `known` caches paths already resolved in this run.
 */
export async function ensureCategoryPath(
  tx: Db,
  storeId: string,
  path: string,
  known: Map<string, string> = new Map(),
): Promise<string | null> {
  const levels = categoryLevels(path);
  if (levels.length === 0) return null;
  let parentId: string | null = null;
  for (let depth = 1; depth <= levels.length; depth++) {
    const at = levels.slice(0, depth).join(CATEGORY_SEPARATOR);
    const cached = known.get(at);
    if (cached) {
      parentId = cached;
      continue;
    }
    let id = await categoryIdAt(tx, storeId, at);
    if (!id) {
      // Creating takes the tree lock that renames and moves hold, then looks again: a path read
      // before a concurrent rename committed must not produce a child filed under a stale path.
      await lockCategoryTree(tx, storeId);
      id = await categoryIdAt(tx, storeId, at);
    }
    if (!id) {
      id = newId('category');
      const base = suggestHandle(at.replaceAll(CATEGORY_SEPARATOR, ' ')) || 'category';
      const handle = await freeCategoryHandle(tx, storeId, base);
      await tx
        .insert(categories)
        .values({ id, storeId, parentId, name: levels[depth - 1]!, handle, path: at });
    }
    known.set(at, id);
    parentId = id;
  }
  return parentId;
}

/**
 * The category at `path` as an earlier ensureCategoryPath of this run resolved it: its id, null
 * for an empty path, undefined when the run has not resolved it yet.
 */
export function knownCategoryId(path: string, known: ReadonlyMap<string, string>): string | null | undefined {
  const levels = categoryLevels(path);
  return levels.length === 0 ? null : known.get(levels.join(CATEGORY_SEPARATOR));
}

async function categoryIdAt(tx: Db, storeId: string, path: string): Promise<string | undefined> {
  const [found] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.storeId, storeId), eq(categories.path, path)))
    .limit(1);
  return found?.id;
}

async function freeCategoryHandle(tx: Db, storeId: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base}-${n}`;
    const [taken] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.storeId, storeId), eq(categories.handle, handle)))
      .limit(1);
    if (!taken) return handle;
  }
}

/** Every category path of a store by id (for exports and the editor). */
export async function categoryPathsById(db: Db, storeId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: categories.id, path: categories.path })
    .from(categories)
    .where(eq(categories.storeId, storeId));
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Refuses a category id that is not one of the store's categories (products name them by id). */
export async function assertCategoryInStore(db: Db, storeId: string, categoryId: string): Promise<void> {
  const [found] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.storeId, storeId), eq(categories.id, categoryId)))
    .limit(1);
  if (!found) {
    throw unprocessable('unknown_category', 'The category does not exist in this store.', {
      path: 'categoryId',
      categoryId,
    });
  }
}

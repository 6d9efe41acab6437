import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { categories } from '../schema.ts';

/** A category as listings need it: where it sits in the tree and how it is addressed. */
export interface CategoryEntry {
  id: string;
  parentId: string | null;
  name: string;
  handle: string;
  path: string;
}

/** A store's categories, siblings in their display order. A store has tens or hundreds of them. */
export function loadStoreCategories(db: Db, storeId: string): Promise<CategoryEntry[]> {
  return db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      name: categories.name,
      handle: categories.handle,
      path: categories.path,
    })
    .from(categories)
    .where(eq(categories.storeId, storeId))
    .orderBy(asc(categories.position), asc(categories.name), asc(categories.id));
}

/** The category and every category below it. */
export function subtreeIds(list: readonly CategoryEntry[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of list) {
    if (!c.parentId) continue;
    const siblings = children.get(c.parentId) ?? [];
    siblings.push(c.id);
    children.set(c.parentId, siblings);
  }
  if (!list.some((c) => c.id === rootId)) return [];
  const ids: string[] = [];
  const pending = [rootId];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
    pending.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** The categories from the root down to `id` (breadcrumbs); empty when it is not in the list. */
export function categoryTrail(
  list: readonly CategoryEntry[],
  id: string | null | undefined,
): CategoryEntry[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  const trail: CategoryEntry[] = [];
  let current = id ? byId.get(id) : undefined;
  while (current && !trail.includes(current)) {
    trail.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return trail;
}

/** The way from the top of the tree down to a category (a product's breadcrumbs); none without one. */
export async function loadCategoryTrail(
  db: Db,
  storeId: string,
  categoryId: string | null | undefined,
): Promise<CategoryEntry[]> {
  if (!categoryId) return [];
  return categoryTrail(await loadStoreCategories(db, storeId), categoryId);
}

/** Counts per category rolled up the tree: each category's count includes everything below it. */
export function rollUpCounts(
  list: readonly CategoryEntry[],
  direct: ReadonlyMap<string, number>,
): Map<string, number> {
  const byId = new Map(list.map((c) => [c.id, c]));
  const totals = new Map<string, number>();
  for (const [id, n] of direct) {
    let current = byId.get(id);
    const visited = new Set<string>();
    while (current && !visited.has(current.id)) {
      visited.add(current.id);
      totals.set(current.id, (totals.get(current.id) ?? 0) + n);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return totals;
}

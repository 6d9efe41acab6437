import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { categories, products } from '../schema.ts';

export type Category = typeof categories.$inferSelect;

export interface CategoryNode {
  id: string;
  name: string;
  handle: string;
  path: string;
  parentId: string | null;
  position: number;
  /** Products filed directly in this category. */
  productCount: number;
  /** Products in this category and every category below it. */
  totalProductCount: number;
  children: CategoryNode[];
}

/** Serialises writes to one store's tree, so two moves can never build a cycle between them. */
export async function lockCategoryTree(tx: Db, storeId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`catalog.categories:${storeId}`}, 0))`,
  );
}

export async function getCategory(db: Db, storeId: string, id: string): Promise<Category> {
  const [row] = await db
    .select()
    .from(categories)
    .where(and(eq(categories.storeId, storeId), eq(categories.id, id)))
    .limit(1);
  if (!row) throw notFound('Category');
  return row;
}

/** A category and everything below it (the category first). */
export function subtreeFilter(storeId: string, path: string) {
  return and(
    eq(categories.storeId, storeId),
    sql`(${categories.path} = ${path} or starts_with(${categories.path}, ${`${path} > `}))`,
  )!;
}

/** The whole tree of a store, siblings in position order, each node with its product counts. */
export async function listCategoryTree(db: Db, storeId: string): Promise<CategoryNode[]> {
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(categories)
      .where(eq(categories.storeId, storeId))
      .orderBy(asc(categories.position), asc(categories.name), asc(categories.id)),
    db
      .select({ categoryId: products.categoryId, n: count() })
      .from(products)
      .where(and(eq(products.storeId, storeId), isNotNull(products.categoryId)))
      .groupBy(products.categoryId),
  ]);
  const direct = new Map(counts.map((c) => [c.categoryId!, Number(c.n)]));
  const nodes = new Map<string, CategoryNode>(
    rows.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        handle: c.handle,
        path: c.path,
        parentId: c.parentId,
        position: c.position,
        productCount: direct.get(c.id) ?? 0,
        totalProductCount: 0,
        children: [],
      },
    ]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: CategoryNode): number => {
    node.totalProductCount = node.productCount + node.children.reduce((sum, c) => sum + total(c), 0);
    return node.totalProductCount;
  };
  for (const root of roots) total(root);
  return roots;
}

import { and, asc, count, eq, isNull, max, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../access/index.ts';
import { CATEGORY_SEPARATOR } from '../categories.ts';
import { announceCatalogChange } from '../change-topic.ts';
import { collections } from '../collections/schema.ts';
import { HANDLE_PATTERN, suggestHandle } from '../handles.ts';
import type { CatalogWriter } from '../products.ts';
import { recordHandleChange } from '../redirects.ts';
import { categories, products } from '../schema.ts';
import { editProduct } from '../workflow/staged-edits.ts';
import { type Category, getCategory, lockCategoryTree, subtreeFilter } from './category-tree.ts';

const categoryName = z
  .string()
  .trim()
  .min(1, 'Name the category.')
  .max(120)
  // The path "Clothing > Shirts" is how imports and exports name categories.
  .refine((name) => !name.includes('>'), 'A category name cannot contain ">".');
const categoryHandle = z
  .string()
  .trim()
  .max(100)
  .regex(HANDLE_PATTERN, 'Use lowercase letters, digits and single hyphens.');
const categoryId = z.string().min(1).max(64);

export const createCategoryInput = z
  .object({ name: categoryName, handle: categoryHandle.optional(), parentId: categoryId.nullish() })
  .strict();
export const updateCategoryInput = z
  .object({ name: categoryName.optional(), handle: categoryHandle.optional() })
  .strict();
export const moveCategoryInput = z
  .object({
    /** The new parent; null moves the category to the top level. */
    parentId: categoryId.nullable(),
    /** Place among the new siblings, 0 first; omitted puts it last. */
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export const setProductCategoryInput = z.object({ categoryId: categoryId.nullable() }).strict();

export function categoryView(c: Category) {
  return {
    id: c.id,
    name: c.name,
    handle: c.handle,
    path: c.path,
    parentId: c.parentId,
    position: c.position,
  };
}

function asConflict(err: unknown): never {
  const constraint = String((err as { cause?: { constraint?: string } }).cause?.constraint ?? err);
  if (constraint.includes('handle')) throw conflict('handle_taken', 'Another category has this handle.');
  throw conflict('category_exists', 'A category with this name already exists at this place in the tree.');
}

async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (isUniqueViolation(err)) asConflict(err);
    throw err;
  }
}

async function freeHandle(tx: Db, storeId: string, base: string): Promise<string> {
  const taken = await tx
    .select({ handle: categories.handle })
    .from(categories)
    .where(
      and(
        eq(categories.storeId, storeId),
        sql`(${categories.handle} = ${base} or starts_with(${categories.handle}, ${`${base}-`}))`,
      ),
    );
  const set = new Set(taken.map((t) => t.handle));
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function nextPosition(tx: Db, storeId: string, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ last: max(categories.position) })
    .from(categories)
    .where(
      and(
        eq(categories.storeId, storeId),
        parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId),
      ),
    );
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

/**
 * Rewrites the path of a category and of everything below it from `from` to `to`. Their pages'
 * breadcrumbs change with it, so they count as changed (the sitemap's lastmod).
 */
async function repath(tx: Db, storeId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  await tx
    .update(categories)
    .set({ path: sql`${to} || substr(${categories.path}, ${from.length + 1})`, updatedAt: new Date() })
    .where(subtreeFilter(storeId, from));
}

async function audit(tx: Db, actor: Actor, action: string, id: string, before?: unknown, after?: unknown) {
  const storeId = ((after ?? before) as { storeId: string }).storeId;
  await announceCatalogChange(tx, storeId);
  await recordAudit(tx, actor, { storeId, action, entityType: 'category', entityId: id, before, after });
  await emitEvent(tx, { storeId, type: action, payload: { id } });
}

export async function createCategory(
  db: Db,
  actor: Actor,
  storeId: string,
  input: z.input<typeof createCategoryInput>,
): Promise<Category> {
  const data = createCategoryInput.parse(input);
  return inTransaction(db, async (tx) => {
    await lockCategoryTree(tx, storeId);
    const parent = data.parentId ? await parentCategory(tx, storeId, data.parentId) : null;
    const path = parent ? `${parent.path}${CATEGORY_SEPARATOR}${data.name}` : data.name;
    const handle =
      data.handle ??
      (await freeHandle(tx, storeId, suggestHandle(path.replaceAll(CATEGORY_SEPARATOR, ' ')) || 'category'));
    const [created] = await tx
      .insert(categories)
      .values({
        id: newId('category'),
        storeId,
        parentId: parent?.id ?? null,
        name: data.name,
        handle,
        path,
        position: await nextPosition(tx, storeId, parent?.id ?? null),
      })
      .returning();
    await audit(tx, actor, 'category.created', created!.id, undefined, created);
    return created!;
  });
}

async function parentCategory(tx: Db, storeId: string, id: string): Promise<Category> {
  try {
    return await getCategory(tx, storeId, id);
  } catch {
    throw unprocessable('unknown_category', 'The parent category does not exist.', { parentId: id });
  }
}

/** Renames a category (its path and those below follow) or changes its handle. */
export async function updateCategory(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  input: z.input<typeof updateCategoryInput>,
): Promise<Category> {
  const data = updateCategoryInput.parse(input);
  return inTransaction(db, async (tx) => {
    await lockCategoryTree(tx, storeId);
    const before = await getCategory(tx, storeId, id);
    const name = data.name ?? before.name;
    const parentPath = before.path.slice(0, before.path.length - before.name.length);
    const path = `${parentPath}${name}`;
    await repath(tx, storeId, before.path, path);
    const [after] = await tx
      .update(categories)
      .set({ name, handle: data.handle ?? before.handle, updatedAt: new Date() })
      .where(eq(categories.id, id))
      .returning();
    if (after!.handle !== before.handle) {
      // The category page's old address keeps working (301), as for products and collections.
      await recordHandleChange(tx, storeId, `/categories/${before.handle}`, `/categories/${after!.handle}`);
    }
    await audit(tx, actor, 'category.updated', id, before, after);
    return after!;
  });
}

/** Moves a category (with everything below it) under another parent or to the top level. */
export async function moveCategory(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  input: z.input<typeof moveCategoryInput>,
): Promise<Category> {
  const data = moveCategoryInput.parse(input);
  return inTransaction(db, async (tx) => {
    // Under the tree lock the cycle check and the move see the same tree: no concurrent move can
    // put the new parent below this category in between.
    await lockCategoryTree(tx, storeId);
    const before = await getCategory(tx, storeId, id);
    const parent = data.parentId ? await parentCategory(tx, storeId, data.parentId) : null;
    if (parent && (parent.id === id || parent.path.startsWith(`${before.path}${CATEGORY_SEPARATOR}`))) {
      throw unprocessable(
        'category_cycle',
        'A category cannot be moved into itself or into a category below it.',
        { categoryId: id, parentId: parent.id },
      );
    }
    const path = parent ? `${parent.path}${CATEGORY_SEPARATOR}${before.name}` : before.name;
    await repath(tx, storeId, before.path, path);
    const siblings = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(
        and(
          eq(categories.storeId, storeId),
          parent ? eq(categories.parentId, parent.id) : isNull(categories.parentId),
          ne(categories.id, id),
        ),
      )
      .orderBy(asc(categories.position), asc(categories.name), asc(categories.id));
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(data.position ?? order.length, order.length), 0, id);
    for (const [position, siblingId] of order.entries()) {
      await tx
        .update(categories)
        .set({
          position,
          ...(siblingId === id ? { parentId: parent?.id ?? null, updatedAt: new Date() } : {}),
        })
        .where(eq(categories.id, siblingId));
    }
    if (before.parentId && before.parentId !== (parent?.id ?? null)) {
      // The old parent's page loses what was below the moved category.
      await tx.update(categories).set({ updatedAt: new Date() }).where(eq(categories.id, before.parentId));
    }
    const after = await getCategory(tx, storeId, id);
    await audit(tx, actor, 'category.moved', id, before, after);
    return after;
  });
}

/**
 * Deletes an empty leaf category. Products filed in it are refused unless `reassignTo` names the
 * category they move to; a category with children or named by a collection rule is refused.
 */
export async function deleteCategory(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  reassignTo?: string,
): Promise<{ reassignedProducts: number }> {
  return inTransaction(db, async (tx) => {
    await lockCategoryTree(tx, storeId);
    // The row lock first: filing a product holds the category (FOR SHARE) before the product, so
    // taking them in the same order here cannot deadlock with it.
    const [before] = await tx
      .select()
      .from(categories)
      .where(and(eq(categories.storeId, storeId), eq(categories.id, id)))
      .for('update');
    if (!before) throw notFound('Category');
    const [children] = await tx
      .select({ n: count() })
      .from(categories)
      .where(and(eq(categories.storeId, storeId), eq(categories.parentId, id)));
    if (Number(children?.n) > 0) {
      throw conflict('category_has_children', 'Move or delete the categories below this one first.', {
        children: Number(children?.n),
      });
    }
    const usedBy = await tx
      .select({ id: collections.id, title: collections.title })
      .from(collections)
      .where(
        and(
          eq(collections.storeId, storeId),
          sql`${collections.rules} @> ${JSON.stringify([{ field: 'category', value: id }])}::jsonb`,
        ),
      );
    if (usedBy.length > 0) {
      throw conflict('category_in_rules', 'Collection rules name this category; change them first.', {
        collections: usedBy,
      });
    }
    let target: Category | undefined;
    if (reassignTo !== undefined) {
      if (reassignTo === id) {
        throw unprocessable('invalid_reassignment', 'Reassign the products to another category.');
      }
      target = await getCategory(tx, storeId, reassignTo).catch(() => {
        throw unprocessable('unknown_category', 'The category to reassign products to does not exist.', {
          reassignTo,
        });
      });
    }
    const filed = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.storeId, storeId), eq(products.categoryId, id)))
      .for('update');
    if (filed.length > 0 && !target) {
      throw conflict(
        'category_in_use',
        'Products are filed in this category: reassign them to another category to delete it.',
        { products: filed.length },
      );
    }
    if (target && filed.length > 0) {
      await tx
        .update(products)
        .set({ categoryId: target.id, updatedAt: new Date() })
        .where(and(eq(products.storeId, storeId), eq(products.categoryId, id)));
      for (const product of filed) {
        await recordAudit(tx, actor, {
          storeId,
          action: 'product.category_changed',
          entityType: 'product',
          entityId: product.id,
          before: { categoryId: id },
          after: { categoryId: target.id },
        });
      }
    }
    await tx.delete(categories).where(eq(categories.id, id));
    await audit(tx, actor, 'category.deleted', id, {
      ...before,
      ...(target ? { reassignedTo: target.id, reassignedProducts: filed.length } : {}),
    });
    return { reassignedProducts: target ? filed.length : 0 };
  });
}

/** Files a product in a category (or none); the category is checked and held until the change commits. */
export async function setProductCategory(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  input: z.input<typeof setProductCategoryInput>,
) {
  const { categoryId: wanted } = setProductCategoryInput.parse(input);
  return db.transaction(async (tx) => {
    if (wanted) {
      const [held] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.storeId, storeId), eq(categories.id, wanted)))
        .for('share');
      if (!held)
        throw unprocessable('unknown_category', 'The category does not exist.', { categoryId: wanted });
    }
    // Through the review workflow: someone without catalog:publish filing a live product stages it.
    return editProduct(tx, writer, storeId, productId, { categoryId: wanted });
  });
}

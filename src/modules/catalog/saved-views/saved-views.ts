import { and, asc, count, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, forbidden, isUniqueViolation, notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, type Permission, recordAudit } from '../../access/index.ts';
import { canonicalProductFilter } from '../product-filter/index.ts';
import { type ProductViewRow, productViews } from './schema.ts';
import {
  type CreateProductViewInput,
  createProductViewInput,
  MAX_VIEWS_PER_AUTHOR,
  type UpdateProductViewInput,
  updateProductViewInput,
} from './view-input.ts';

/** Who is reading or changing views: the request's actor and their permissions in the store. */
export interface ViewCaller {
  actor: Actor;
  permissions: ReadonlySet<Permission>;
}

/** Views shown in one list at most (the caller's own and the team's). */
const MAX_LISTED = 500;

function authorOf(actor: Actor): { type: 'user' | 'api_key'; id: string } {
  // Routes always act for a person or a key; a system actor has no list to save views of.
  if (actor.type === 'system') throw new Error('A saved view needs a person or an API key as its author.');
  return { type: actor.type, id: actor.id };
}

function isAuthor(view: ProductViewRow, caller: ViewCaller): boolean {
  const author = authorOf(caller.actor);
  return view.authorType === author.type && view.authorId === author.id;
}

/** Store admins (owner and admin roles, the holders of store:write) tidy up the team's views. */
function mayManage(view: ProductViewRow, caller: ViewCaller): boolean {
  return isAuthor(view, caller) || caller.permissions.has('store:write');
}

/** The views a caller sees: their own, and the ones shared with the store's team. */
function visibleTo(storeId: string, caller: ViewCaller): SQL {
  const author = authorOf(caller.actor);
  return and(
    eq(productViews.storeId, storeId),
    or(
      eq(productViews.shared, true),
      and(eq(productViews.authorType, author.type), eq(productViews.authorId, author.id)),
    ),
  )!;
}

function assertMayShare(caller: ViewCaller) {
  if (!caller.permissions.has('catalog:write')) {
    throw forbidden('permission_denied', 'Sharing a view with the team needs the catalog:write permission.', {
      permission: 'catalog:write',
    });
  }
}

function nameConflict(err: unknown): never {
  if (isUniqueViolation(err)) throw conflict('view_name_taken', 'You already have a view with this name.');
  throw err;
}

/** What the audit log keeps of a view. */
function auditState(view: ProductViewRow) {
  return {
    name: view.name,
    shared: view.shared,
    filters: view.filters,
    sort: view.sort,
    columns: view.columns,
  };
}

/** A view as the API shows it to `caller`. */
export function productViewResponse(view: ProductViewRow, caller: ViewCaller) {
  return {
    id: view.id,
    name: view.name,
    shared: view.shared,
    author: { type: view.authorType, id: view.authorId, label: view.authorLabel },
    mine: isAuthor(view, caller),
    canManage: mayManage(view, caller),
    filters: view.filters,
    sort: view.sort,
    columns: view.columns,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

/** The caller's views and the team's, oldest first (the order of the tabs). */
export function listProductViews(db: Db, storeId: string, caller: ViewCaller): Promise<ProductViewRow[]> {
  return db
    .select()
    .from(productViews)
    .where(visibleTo(storeId, caller))
    .orderBy(asc(productViews.createdAt), asc(productViews.id))
    .limit(MAX_LISTED);
}

export async function createProductView(
  db: Db,
  caller: ViewCaller,
  storeId: string,
  input: CreateProductViewInput,
): Promise<ProductViewRow> {
  const data = createProductViewInput.parse(input);
  if (data.shared) assertMayShare(caller);
  const author = authorOf(caller.actor);
  try {
    return await db.transaction(async (tx) => {
      const [kept] = await tx
        .select({ n: count() })
        .from(productViews)
        .where(
          and(
            eq(productViews.storeId, storeId),
            eq(productViews.authorType, author.type),
            eq(productViews.authorId, author.id),
          ),
        );
      if (Number(kept?.n ?? 0) >= MAX_VIEWS_PER_AUTHOR) {
        throw unprocessable(
          'too_many_views',
          `You can keep ${MAX_VIEWS_PER_AUTHOR} views per store; delete one you no longer use.`,
          { limit: MAX_VIEWS_PER_AUTHOR },
        );
      }
      const [view] = await tx
        .insert(productViews)
        .values({
          id: newId('productView'),
          storeId,
          name: data.name,
          shared: data.shared,
          authorType: author.type,
          authorId: author.id,
          authorLabel: caller.actor.label,
          filters: canonicalProductFilter(data.filters),
          sort: data.sort,
          columns: data.columns,
        })
        .returning();
      await recordAudit(tx, caller.actor, {
        storeId,
        action: 'product_view.created',
        entityType: 'product_view',
        entityId: view!.id,
        after: auditState(view!),
      });
      return view!;
    });
  } catch (err) {
    nameConflict(err);
  }
}

/** A view the caller sees, locked for the rest of the transaction; 404 when they cannot see it. */
async function lockVisibleView(tx: Db, caller: ViewCaller, storeId: string, id: string) {
  const [view] = await tx
    .select()
    .from(productViews)
    .where(and(visibleTo(storeId, caller), eq(productViews.id, id)))
    .for('update');
  if (!view) throw notFound('View');
  if (!mayManage(view, caller)) {
    throw forbidden('not_view_author', 'Only the author of a view or a store admin can change or delete it.');
  }
  return view;
}

/** Renames a view, shares or unshares it, or saves a new filter, order or columns into it. */
export async function updateProductView(
  db: Db,
  caller: ViewCaller,
  storeId: string,
  id: string,
  input: UpdateProductViewInput,
): Promise<ProductViewRow> {
  const change = updateProductViewInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const before = await lockVisibleView(tx, caller, storeId, id);
      if (change.shared && !before.shared) assertMayShare(caller);
      const [view] = await tx
        .update(productViews)
        .set({
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.shared !== undefined ? { shared: change.shared } : {}),
          ...(change.filters !== undefined ? { filters: canonicalProductFilter(change.filters) } : {}),
          ...(change.sort !== undefined ? { sort: change.sort } : {}),
          ...(change.columns !== undefined ? { columns: change.columns } : {}),
          updatedAt: new Date(),
        })
        .where(eq(productViews.id, id))
        .returning();
      await recordAudit(tx, caller.actor, {
        storeId,
        action: 'product_view.updated',
        entityType: 'product_view',
        entityId: id,
        before: auditState(before),
        after: auditState(view!),
      });
      return view!;
    });
  } catch (err) {
    nameConflict(err);
  }
}

export async function deleteProductView(db: Db, caller: ViewCaller, storeId: string, id: string) {
  await db.transaction(async (tx) => {
    const view = await lockVisibleView(tx, caller, storeId, id);
    await tx.delete(productViews).where(eq(productViews.id, id));
    await recordAudit(tx, caller.actor, {
      storeId,
      action: 'product_view.deleted',
      entityType: 'product_view',
      entityId: id,
      before: auditState(view),
    });
  });
}

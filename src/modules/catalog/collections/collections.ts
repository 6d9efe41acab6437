import { and, asc, count, desc, eq, ilike, inArray, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../access/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import { handleFromTitle } from '../handles.ts';
import { recordHandleChange } from '../redirects.ts';
import { categories, products } from '../schema.ts';
import {
  type CreateCollectionInput,
  createCollectionInput,
  type UpdateCollectionInput,
  updateCollectionInput,
} from './collection-input.ts';
import type { Collection } from './membership.ts';
import type { ProductCondition } from './product-conditions.ts';
import { collectionProducts, collections } from './schema.ts';

export type { Collection } from './membership.ts';

function handleConflict(err: unknown): never {
  if (isUniqueViolation(err))
    throw conflict('handle_taken', 'Another collection in this store has this handle.');
  throw err;
}

/** Rules may only name categories of the store (a stale id would silently match nothing). */
async function assertKnownCategories(tx: Db, storeId: string, rules: ProductCondition[]) {
  const ids = [...new Set(rules.flatMap((r) => (r.field === 'category' ? [r.value] : [])))];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.storeId, storeId), inArray(categories.id, ids)));
  const known = new Set(found.map((f) => f.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw unprocessable('unknown_category', 'A condition names a category that does not exist.', { unknown });
  }
}

/** The given product ids, checked to be products of the store (422 unknown_products otherwise). */
export async function assertStoreProducts(tx: Db, storeId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, storeId), inArray(products.id, unique)));
  const known = new Set(found.map((f) => f.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw unprocessable('unknown_products', 'Some products do not exist in this store.', {
      unknown: unknown.slice(0, 20),
      count: unknown.length,
    });
  }
}

async function availableHandle(tx: Db, storeId: string, base: string): Promise<string> {
  const taken = await tx
    .select({ handle: collections.handle })
    .from(collections)
    .where(
      and(
        eq(collections.storeId, storeId),
        sql`(${collections.handle} = ${base} or starts_with(${collections.handle}, ${`${base}-`}))`,
      ),
    );
  const set = new Set(taken.map((t) => t.handle));
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function memberIds(tx: Db, collectionId: string): Promise<string[]> {
  const rows = await tx
    .select({ productId: collectionProducts.productId })
    .from(collectionProducts)
    .where(eq(collectionProducts.collectionId, collectionId))
    .orderBy(asc(collectionProducts.position), asc(collectionProducts.addedAt));
  return rows.map((r) => r.productId);
}

async function changed(
  tx: Db,
  actor: Actor,
  action: string,
  collection: Pick<Collection, 'id' | 'storeId' | 'handle'>,
  before?: unknown,
  after?: unknown,
) {
  await announceCatalogChange(tx, collection.storeId);
  await recordAudit(tx, actor, {
    storeId: collection.storeId,
    action,
    entityType: 'collection',
    entityId: collection.id,
    before,
    after,
  });
  await emitEvent(tx, {
    storeId: collection.storeId,
    type: action,
    payload: { id: collection.id, handle: collection.handle },
  });
}

export async function createCollection(
  db: Db,
  actor: Actor,
  storeId: string,
  input: CreateCollectionInput,
): Promise<Collection> {
  const { productIds, ...data } = createCollectionInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await assertKnownCategories(tx, storeId, data.rules);
      const handle = data.handle ?? (await availableHandle(tx, storeId, handleFromTitle(data.title)));
      const [created] = await tx
        .insert(collections)
        .values({
          ...data,
          id: newId('collection'),
          storeId,
          handle,
          sortOrder: data.sortOrder ?? (data.kind === 'manual' ? 'manual' : 'newest'),
        })
        .returning();
      const members = [...new Set(productIds ?? [])];
      await assertStoreProducts(tx, storeId, members);
      if (members.length > 0) {
        await tx.insert(collectionProducts).values(
          members.map((productId, position) => ({
            collectionId: created!.id,
            productId,
            storeId,
            position,
          })),
        );
      }
      await changed(tx, actor, 'collection.created', created!, undefined, {
        ...created,
        productIds: members,
      });
      return created!;
    });
  } catch (err) {
    handleConflict(err);
  }
}

export async function getCollection(db: Db, storeId: string, id: string): Promise<Collection> {
  const [row] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.storeId, storeId), eq(collections.id, id)))
    .limit(1);
  if (!row) throw notFound('Collection');
  return row;
}

export async function findCollectionByHandle(db: Db, storeId: string, handle: string) {
  const [row] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.storeId, storeId), eq(collections.handle, handle)))
    .limit(1);
  return row;
}

/** A collection row locked for the rest of the transaction (membership writes queue behind it). */
async function lockCollection(tx: Db, storeId: string, id: string): Promise<Collection> {
  const [row] = await tx
    .select()
    .from(collections)
    .where(and(eq(collections.storeId, storeId), eq(collections.id, id)))
    .for('update');
  if (!row) throw notFound('Collection');
  return row;
}

export async function listCollections(
  db: Db,
  storeId: string,
  query: { q?: string; kind?: 'manual' | 'rules'; limit: number; offset: number },
) {
  const filters = [eq(collections.storeId, storeId)];
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(collections.title, pattern), ilike(collections.handle, pattern))!);
  }
  if (query.kind) filters.push(eq(collections.kind, query.kind));
  const where = and(...filters);
  const [items, totals, manualCounts] = await Promise.all([
    db
      .select()
      .from(collections)
      .where(where)
      .orderBy(desc(collections.updatedAt), desc(collections.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(collections).where(where),
    db
      .select({ collectionId: collectionProducts.collectionId, n: count() })
      .from(collectionProducts)
      .where(eq(collectionProducts.storeId, storeId))
      .groupBy(collectionProducts.collectionId),
  ]);
  const counts = new Map(manualCounts.map((c) => [c.collectionId, Number(c.n)]));
  return {
    items: items.map((c) => ({ collection: c, manualCount: counts.get(c.id) ?? 0 })),
    total: Number(totals[0]?.n ?? 0),
  };
}

export async function updateCollection(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  input: UpdateCollectionInput,
): Promise<Collection> {
  const data = updateCollectionInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const before = await lockCollection(tx, storeId, id);
      if (before.kind === 'manual' && data.rules && data.rules.length > 0) {
        throw unprocessable(
          'manual_collection',
          'A manual collection has no rules; its products are chosen by hand.',
        );
      }
      if (before.kind === 'rules' && data.rules && data.rules.length === 0) {
        throw unprocessable('rules_required', 'A rule collection needs at least one condition.');
      }
      if (before.kind === 'rules' && data.sortOrder === 'manual') {
        throw unprocessable('manual_order_unavailable', 'Only manual collections keep a manual order.');
      }
      if (data.rules) await assertKnownCategories(tx, storeId, data.rules);
      const [after] = await tx
        .update(collections)
        .set({ ...data, updatedAt: new Date() })
        .where(eq(collections.id, id))
        .returning();
      if (after!.handle !== before.handle) {
        await recordHandleChange(
          tx,
          storeId,
          `/collections/${before.handle}`,
          `/collections/${after!.handle}`,
        );
      }
      await changed(tx, actor, 'collection.updated', after!, before, after);
      return after!;
    });
  } catch (err) {
    handleConflict(err);
  }
}

export async function deleteCollection(db: Db, actor: Actor, storeId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockCollection(tx, storeId, id);
    const members = await memberIds(tx, id);
    await tx.delete(collections).where(eq(collections.id, id));
    await changed(tx, actor, 'collection.deleted', before, { ...before, productIds: members });
  });
}

function assertManual(collection: Collection) {
  if (collection.kind !== 'manual') {
    throw unprocessable(
      'rule_collection',
      'The products of a rule collection follow its rules; edit the rules instead.',
    );
  }
}

/** Replaces the members of a manual collection with this ordered list (adds, removes and reorders). */
export async function setCollectionMembers(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  productIds: readonly string[],
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const collection = await lockCollection(tx, storeId, id);
    assertManual(collection);
    const wanted = [...new Set(productIds)];
    await assertStoreProducts(tx, storeId, wanted);
    const before = await memberIds(tx, id);
    await tx.delete(collectionProducts).where(eq(collectionProducts.collectionId, id));
    if (wanted.length > 0) {
      await tx
        .insert(collectionProducts)
        .values(wanted.map((productId, position) => ({ collectionId: id, productId, storeId, position })));
    }
    await touch(tx, id);
    await changed(
      tx,
      actor,
      'collection.products_set',
      collection,
      { productIds: before },
      { productIds: wanted },
    );
    return wanted;
  });
}

async function touch(tx: Db, id: string) {
  await tx.update(collections).set({ updatedAt: new Date() }).where(eq(collections.id, id));
}

/**
 * Adds products to a manual collection at `position` (default: at the end), keeping the order of
 * the others; products already in it stay where they are. Returns how many were added.
 */
export async function addCollectionMembers(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  productIds: readonly string[],
  position?: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const collection = await lockCollection(tx, storeId, id);
    assertManual(collection);
    const wanted = [...new Set(productIds)];
    await assertStoreProducts(tx, storeId, wanted);
    const before = await memberIds(tx, id);
    const present = new Set(before);
    const fresh = wanted.filter((p) => !present.has(p));
    if (fresh.length === 0) return 0;
    if (position === undefined || position >= before.length) {
      const [last] = await tx
        .select({ at: max(collectionProducts.position) })
        .from(collectionProducts)
        .where(eq(collectionProducts.collectionId, id));
      const start = last?.at === null || last?.at === undefined ? 0 : last.at + 1;
      await tx
        .insert(collectionProducts)
        .values(fresh.map((productId, i) => ({ collectionId: id, productId, storeId, position: start + i })));
    } else {
      const order = [...before];
      order.splice(position, 0, ...fresh);
      await tx.delete(collectionProducts).where(eq(collectionProducts.collectionId, id));
      await tx
        .insert(collectionProducts)
        .values(order.map((productId, i) => ({ collectionId: id, productId, storeId, position: i })));
    }
    await touch(tx, id);
    await changed(
      tx,
      actor,
      'collection.products_added',
      collection,
      { productIds: before },
      { added: fresh, position: position ?? null },
    );
    return fresh.length;
  });
}

export async function removeCollectionMember(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  productId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const collection = await lockCollection(tx, storeId, id);
    assertManual(collection);
    const removed = await tx
      .delete(collectionProducts)
      .where(and(eq(collectionProducts.collectionId, id), eq(collectionProducts.productId, productId)))
      .returning();
    if (removed.length === 0) throw notFound('Product in this collection');
    await touch(tx, id);
    await changed(tx, actor, 'collection.products_removed', collection, {
      productId,
      position: removed[0]!.position,
    });
  });
}

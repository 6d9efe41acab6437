import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cachedConfig } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { accessTopic, announceAccessChange } from './change-topic.ts';
import { memberships, stores } from './schema.ts';
import { localeTagSchema, nextEnabledLocales, storeLocalesSchema } from './store-locales.ts';

export type Store = typeof stores.$inferSelect;

export const storeHandleSchema = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Settings without defaults, so a change that leaves a field out leaves it as it is. */
const storeSettings = {
  name: z.string().trim().min(1).max(120),
  baseCurrency: z
    .string()
    .transform((s) => s.toUpperCase())
    .refine(isCurrencyCode, 'Not an ISO 4217 currency code.'),
  locale: localeTagSchema,
  /** Every locale the storefront serves (store-locales.ts); the default is always among them. */
  locales: storeLocalesSchema,
  timezone: z.string().refine(isTimeZone, 'Not an IANA time zone.'),
  domains: z.array(z.string().toLowerCase().max(253)).max(20),
};

export const createStoreInput = z.object({
  handle: storeHandleSchema,
  ...storeSettings,
  locale: storeSettings.locale.default('en'),
  locales: storeSettings.locales.optional(),
  timezone: storeSettings.timezone.default('UTC'),
  domains: storeSettings.domains.default([]),
});
export type CreateStoreInput = z.input<typeof createStoreInput>;

/** Creates a store; when `ownerUserId` is given, that user becomes its owner. */
export async function createStore(
  db: Db,
  actor: Actor,
  input: CreateStoreInput,
  ownerUserId?: string,
): Promise<Store> {
  const { locales, ...data } = createStoreInput.parse(input);
  const id = newId('store');
  try {
    return await db.transaction(async (tx) => {
      const enabledLocales = nextEnabledLocales({ locale: data.locale, enabledLocales: [] }, { locales });
      const [store] = await tx
        .insert(stores)
        .values({ id, ...data, enabledLocales })
        .returning();
      if (ownerUserId)
        await tx.insert(memberships).values({ storeId: id, userId: ownerUserId, role: 'owner' });
      await announceAccessChange(tx);
      await recordAudit(tx, actor, {
        storeId: id,
        action: 'store.created',
        entityType: 'store',
        entityId: id,
        after: store,
      });
      await emitEvent(tx, { storeId: id, type: 'store.created', payload: { id, handle: data.handle } });
      return store!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('handle_taken', `The store handle "${data.handle}" is taken.`);
    throw err;
  }
}

/** `ref` is a store id (`store_…`) or handle. */
const storeById = (db: Db, name: string) =>
  db
    .select()
    .from(stores)
    .where(eq(stores.id, sql.placeholder('ref')))
    .limit(1)
    .prepare(name);
const storeByHandle = (db: Db, name: string) =>
  db
    .select()
    .from(stores)
    .where(eq(stores.handle, sql.placeholder('ref')))
    .limit(1)
    .prepare(name);

/** `ref` is a store id (`store_…`) or handle. */
export async function findStore(db: Db, ref: string): Promise<Store | undefined> {
  const statement = ref.startsWith('store_')
    ? prepared(db, 'store_by_id', storeById)
    : prepared(db, 'store_by_handle', storeByHandle);
  const [store] = await statement.execute({ ref });
  return store;
}

/**
 * The store `ref` names (404 `not_found` when none). By id, it comes from the process's
 * configuration cache, kept until a store changes (`access` topic): background work reads the store
 * of every event it handles. The value is shared: callers must not change it.
 */
export async function getStore(db: Db, ref: string): Promise<Store> {
  const store = ref.startsWith('store_')
    ? await cachedConfig(`${ref}:store`, [accessTopic], () => findStore(db, ref))
    : await findStore(db, ref);
  if (!store) throw notFound('Store');
  return store;
}

export async function findStoreByDomain(db: Db, host: string): Promise<Store | undefined> {
  const [store] = await db
    .select()
    .from(stores)
    .where(arrayContains(stores.domains, [host.toLowerCase()]))
    .limit(1);
  return store;
}

export async function listAllStores(db: Db): Promise<Store[]> {
  return db.select().from(stores).orderBy(asc(stores.createdAt));
}

export async function listStoresForUser(db: Db, userId: string) {
  return db
    .select({ store: stores, role: memberships.role })
    .from(memberships)
    .innerJoin(stores, eq(stores.id, memberships.storeId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(stores.name));
}

export async function countStores(db: Db): Promise<number> {
  const rows = await db.select({ id: stores.id }).from(stores).limit(1);
  return rows.length;
}

export const updateStoreInput = z.object(storeSettings).partial();

export async function updateStore(
  db: Db,
  actor: Actor,
  storeId: string,
  input: z.input<typeof updateStoreInput>,
): Promise<Store> {
  const { locales, ...data } = updateStoreInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(stores).where(eq(stores.id, storeId)).for('update');
    if (!before) throw notFound('Store');
    const enabledLocales = nextEnabledLocales(before, { locale: data.locale, locales });
    const [after] = await tx
      .update(stores)
      .set({ ...data, enabledLocales, updatedAt: new Date() })
      .where(and(eq(stores.id, storeId)))
      .returning();
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId,
      action: 'store.updated',
      entityType: 'store',
      entityId: storeId,
      before,
      after,
    });
    return after!;
  });
}

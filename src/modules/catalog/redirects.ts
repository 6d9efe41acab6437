import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { newId } from '../../platform/ids.ts';
import { redirects } from './schema.ts';

/**
 * A page moved from `fromPath` to `toPath` (store-relative, e.g. /products/old-handle): the old path
 * answers 301 from now on. Earlier redirects to the old path are pointed at the new one, so a
 * search engine never follows a chain, and a redirect away from the new path is dropped because the
 * page lives there again.
 */
export async function recordHandleChange(tx: Db, storeId: string, fromPath: string, toPath: string) {
  await tx.delete(redirects).where(and(eq(redirects.storeId, storeId), eq(redirects.fromPath, toPath)));
  await tx
    .update(redirects)
    .set({ toPath })
    .where(and(eq(redirects.storeId, storeId), eq(redirects.toPath, fromPath)));
  await tx
    .insert(redirects)
    .values({ id: newId('redirect'), storeId, fromPath, toPath })
    .onConflictDoUpdate({ target: [redirects.storeId, redirects.fromPath], set: { toPath } });
}

/** Where an old storefront path lives now, if it moved. */
export async function findRedirect(db: Db, storeId: string, path: string): Promise<string | undefined> {
  const statement = prepared(db, 'redirect_by_path', (d, name) =>
    d
      .select({ toPath: redirects.toPath })
      .from(redirects)
      .where(
        and(
          eq(redirects.storeId, sql.placeholder('storeId')),
          eq(redirects.fromPath, sql.placeholder('path')),
        ),
      )
      .limit(1)
      .prepare(name),
  );
  const [row] = await statement.execute({ storeId, path });
  return row?.toPath;
}

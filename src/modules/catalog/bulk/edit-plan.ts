import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { emitEvents } from '../../../platform/events/outbox.ts';
import type { Actor } from '../../access/actor.ts';
import { type AuditEntry, recordAuditEntries } from '../../access/index.ts';
import { products, productVariants } from '../schema.ts';

/**
 * A field change to one product, decided before anything is written: bulk status, tag and price
 * changes (and their undo) are planned product by product — where refusals happen — and then
 * written for the whole batch in a few set-based statements, which is what makes a 20,000-product
 * job take seconds rather than minutes.
 */
export interface EditPlan {
  productId: string;
  status?: { status: string; publishedAt: Date | null };
  tags?: string[];
  prices?: { variants: { id: string; priceAmount: number }[]; priceAmount: number; priceMaxAmount: number };
  audit: AuditEntry;
  event: { type: string; payload: Record<string, unknown> };
}

/** Rows as one JSON parameter, expanded in SQL by jsonb_to_recordset (one statement for the batch). */
const rowsParam = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

export async function writeEditPlans(tx: Db, storeId: string, actor: Actor, at: Date, plans: EditPlan[]) {
  if (plans.length === 0) return;
  const when = sql`${at.toISOString()}::timestamptz`;
  const statuses = plans.flatMap((p) =>
    p.status
      ? [
          {
            id: p.productId,
            status: p.status.status,
            published_at: p.status.publishedAt?.toISOString() ?? null,
          },
        ]
      : [],
  );
  if (statuses.length > 0) {
    await tx.execute(sql`
      update ${products} p set status = v.status, published_at = v.published_at, updated_at = ${when}
      from jsonb_to_recordset(${rowsParam(statuses)}) as v(id text, status text, published_at timestamptz)
      where p.id = v.id and p.store_id = ${storeId}`);
  }
  const tags = plans.flatMap((p) => (p.tags ? [{ id: p.productId, tags: p.tags }] : []));
  if (tags.length > 0) {
    await tx.execute(sql`
      update ${products} p
      set tags = array(select e.tag from jsonb_array_elements_text(v.tags) with ordinality as e(tag, n) order by e.n),
          updated_at = ${when}
      from jsonb_to_recordset(${rowsParam(tags)}) as v(id text, tags jsonb)
      where p.id = v.id and p.store_id = ${storeId}`);
  }
  const prices = plans.flatMap((p) =>
    p.prices
      ? [{ id: p.productId, price_amount: p.prices.priceAmount, price_max_amount: p.prices.priceMaxAmount }]
      : [],
  );
  if (prices.length > 0) {
    const variants = plans.flatMap((p) =>
      (p.prices?.variants ?? []).map((v) => ({
        id: v.id,
        product_id: p.productId,
        price_amount: v.priceAmount,
      })),
    );
    await tx.execute(sql`
      update ${productVariants} pv set price_amount = v.price_amount, updated_at = ${when}
      from jsonb_to_recordset(${rowsParam(variants)}) as v(id text, product_id text, price_amount bigint)
      where pv.id = v.id and pv.product_id = v.product_id and pv.store_id = ${storeId}`);
    await tx.execute(sql`
      update ${products} p set price_amount = v.price_amount, price_max_amount = v.price_max_amount, updated_at = ${when}
      from jsonb_to_recordset(${rowsParam(prices)}) as v(id text, price_amount bigint, price_max_amount bigint)
      where p.id = v.id and p.store_id = ${storeId}`);
  }
  await recordAuditEntries(
    tx,
    actor,
    plans.map((p) => p.audit),
  );
  await emitEvents(
    tx,
    plans.map((plan) => ({ storeId, ...plan.event })),
  );
}

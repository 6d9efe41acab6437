import { randomUUID } from 'node:crypto';
import type { Database } from '../../../platform/db/database.ts';

/** An order as the figures see it: just what `customerOrderFigures` reads. */
export interface OrderRowFixture {
  customerId: string;
  total: number;
  refunded?: number;
  currency: string;
  placedAt: Date | null;
  status?: 'draft' | 'open' | 'completed' | 'cancelled';
  financialStatus?: 'paid' | 'voided' | 'failed' | 'refunded' | 'partially_refunded';
}

/**
 * Writes bare order rows for tests of customer figures and segments: placing hundreds of real
 * orders through checkout would cost seconds each run, and the figures read only these columns.
 * Test-only: nothing but a test may write another module's table.
 */
export async function insertOrderRows(
  database: Database,
  storeId: string,
  rows: OrderRowFixture[],
): Promise<void> {
  if (rows.length === 0) return;
  const data = rows.map((r) => ({
    id: `ord_${randomUUID()}`,
    token: randomUUID(),
    customer_id: r.customerId,
    total: r.total,
    refunded: r.refunded ?? 0,
    currency: r.currency,
    placed_at: r.placedAt?.toISOString() ?? null,
    status: r.status ?? 'open',
    financial_status: r.financialStatus ?? 'paid',
  }));
  await database.execute(
    `insert into orders (id, store_id, token, source, status, financial_status, customer_id, email, locale, currency,
        taxes_included, subtotal, discount_total, shipping_total, tax_total, total, refunded_amount, placed_at)
     select d.id, $1, d.token, 'storefront', d.status, d.financial_status, d.customer_id, 'order@example.test', 'en',
        d.currency, false, d.total, 0, 0, 0, d.total, d.refunded, d.placed_at
       from json_to_recordset($2::json) as d(id text, token text, customer_id text, total bigint, refunded bigint,
        currency text, placed_at timestamptz, status text, financial_status text)`,
    [storeId, JSON.stringify(data)],
  );
}

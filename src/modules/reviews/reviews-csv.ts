import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { findVariantIdsOfProducts } from '../catalog/index.ts';
import { announceReviewChange } from './change-topic.ts';
import { countPublished } from './review-aggregates.ts';
import { reviewFlags, reviewStatuses, reviews } from './schema.ts';
import { reviewTextDigest } from './submit-review.ts';

/**
 * The reviews CSV (docs/reviews.md): one review per row, a header row with these columns in any
 * order. Export writes them all; import needs `product_id`, `rating`, `body` and `author_name`.
 */
export const reviewCsvColumns = [
  'id',
  'product_id',
  'variant_id',
  'status',
  'rating',
  'title',
  'body',
  'author_name',
  'author_email',
  'verified',
  'order_id',
  'locale',
  'flags',
  'reply',
  'replied_at',
  'created_at',
  'published_at',
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : '');

export async function exportReviewsCsv(db: Db, storeId: string): Promise<string> {
  const rows = await db
    .select()
    .from(reviews)
    .where(eq(reviews.storeId, storeId))
    .orderBy(asc(reviews.createdAt), asc(reviews.id));
  return stringify(
    rows.map((r) => ({
      id: r.id,
      product_id: r.productId,
      variant_id: r.variantId ?? '',
      status: r.status,
      rating: r.rating,
      title: r.title,
      body: r.body,
      author_name: r.authorName,
      author_email: r.authorEmail ?? '',
      verified: r.verified ? 'true' : 'false',
      order_id: r.orderId ?? '',
      locale: r.locale,
      flags: r.flags.join(' '),
      reply: r.reply ?? '',
      replied_at: iso(r.repliedAt),
      created_at: iso(r.createdAt),
      published_at: iso(r.publishedAt),
    })),
    { header: true, columns: [...reviewCsvColumns] },
  );
}

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v));
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || !Number.isNaN(Date.parse(v)), 'not a date')
  .transform((v) => (v === '' ? null : new Date(v)));

const csvRow = z.object({
  id: optional.optional(),
  product_id: z.string().trim().min(1),
  variant_id: optional.optional(),
  status: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'published')
    .pipe(z.enum(reviewStatuses)),
  rating: z.coerce.number().int().min(1).max(5),
  title: z.string().trim().max(150).default(''),
  body: z.string().trim().min(1).max(5000),
  author_name: z.string().trim().min(1).max(80),
  author_email: optional.optional(),
  verified: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['', 'true', 'false', 'yes', 'no', '1', '0'].includes(v), 'true or false')
    .transform((v) => ['true', 'yes', '1'].includes(v))
    .optional(),
  order_id: optional.optional(),
  locale: z.string().trim().max(35).optional(),
  flags: z
    .string()
    .trim()
    .transform((v) => (v ? v.split(/[\s,]+/) : []))
    .pipe(z.array(z.enum(reviewFlags)))
    .optional(),
  reply: optional.optional(),
  replied_at: optionalDate.optional(),
  created_at: optionalDate.optional(),
  published_at: optionalDate.optional(),
});

/** Reads a whole file: 400 `invalid_csv` for a file that is not CSV or lacks required columns. */
function readRows(text: string): Record<string, string>[] {
  let header: string[] = [];
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
      skip_empty_lines: true,
      bom: true,
      trim: false,
    });
  } catch (err) {
    throw badRequest('invalid_csv', 'The file is not readable CSV.', { reason: (err as Error).message });
  }
  const missing = ['product_id', 'rating', 'body', 'author_name'].filter((c) => !header.includes(c));
  if (missing.length > 0) throw badRequest('invalid_csv', 'The file lacks required columns.', { missing });
  const unknown = header.filter((c) => !(reviewCsvColumns as readonly string[]).includes(c));
  if (unknown.length > 0) throw badRequest('invalid_csv', 'The file has unknown columns.', { unknown });
  return records;
}

/**
 * Imports reviews (from another platform, or an edited export), all or nothing: every row is checked
 * first and any bad row fails the file with 400 `invalid_rows` and each row's problems (`row` is the
 * line number, the header being line 1). A row whose `id` is a review of this store replaces that
 * review's content and status; any other row is a new review. Imported reviews get no automatic
 * flags (the store vouches for them); published ones count in the product figures.
 */
export async function importReviewsCsv(
  db: Db,
  storeId: string,
  actor: Actor,
  text: string,
  options: { defaultLocale: string },
): Promise<{ created: number; updated: number }> {
  const records = readRows(text);
  if (records.length > 10_000) throw badRequest('too_many_rows', 'Import at most 10,000 reviews at once.');
  const problems: { row: number; path: string; message: string }[] = [];
  const parsed = records.flatMap((record, i) => {
    const result = csvRow.safeParse(record);
    if (result.success) return [{ line: i + 2, data: result.data }];
    for (const issue of result.error.issues) {
      problems.push({ row: i + 2, path: issue.path.join('.'), message: issue.message });
    }
    return [];
  });
  const productIds = [...new Set(parsed.map((p) => p.data.product_id))];
  const known = await findVariantIdsOfProducts(db, storeId, productIds);
  for (const { line, data } of parsed) {
    if (!known.has(data.product_id))
      problems.push({ row: line, path: 'product_id', message: 'no such product' });
    const variants = known.get(data.product_id);
    if (data.variant_id && variants && !variants.includes(data.variant_id)) {
      problems.push({ row: line, path: 'variant_id', message: 'not a variant of the product' });
    }
  }
  if (problems.length > 0) {
    throw badRequest('invalid_rows', 'Some rows are not valid reviews; nothing was imported.', {
      problems: problems.slice(0, 200),
      count: problems.length,
    });
  }
  return db.transaction(async (tx) => {
    const ids = parsed.flatMap((p) => (p.data.id ? [p.data.id] : []));
    const existing =
      ids.length > 0
        ? await tx
            .select()
            .from(reviews)
            .where(and(eq(reviews.storeId, storeId), inArray(reviews.id, ids)))
            .for('update')
        : [];
    const byId = new Map(existing.map((r) => [r.id, r]));
    let created = 0;
    let updated = 0;
    for (const { data } of parsed) {
      const values = {
        productId: data.product_id,
        variantId: data.variant_id ?? null,
        status: data.status,
        rating: data.rating,
        title: data.title,
        body: data.body,
        textDigest: reviewTextDigest(data.body),
        authorName: data.author_name,
        authorEmail: data.author_email ?? null,
        verified: data.verified ?? false,
        orderId: data.order_id ?? null,
        locale: data.locale || options.defaultLocale,
        flags: data.flags ?? [],
        reply: data.reply ?? null,
        repliedAt: data.reply ? (data.replied_at ?? now()) : null,
        publishedAt: data.status === 'published' ? (data.published_at ?? now()) : (data.published_at ?? null),
      };
      const before = data.id ? byId.get(data.id) : undefined;
      if (before) {
        await tx
          .update(reviews)
          .set({ ...values, updatedAt: now() })
          .where(eq(reviews.id, before.id));
        if (before.status === 'published')
          await countPublished(tx, storeId, before.productId, before.rating, -1);
        updated++;
      } else {
        await tx.insert(reviews).values({
          id: newId('review'),
          storeId,
          ...values,
          ...(data.created_at ? { createdAt: data.created_at } : {}),
        });
        created++;
      }
      if (values.status === 'published')
        await countPublished(tx, storeId, values.productId, values.rating, 1);
    }
    await recordAudit(tx, actor, {
      storeId,
      action: 'review.imported',
      entityType: 'review_import',
      entityId: storeId,
      after: { created, updated },
    });
    await emitEvent(tx, { storeId, type: 'review.imported', payload: { created, updated } });
    await announceReviewChange(tx, storeId);
    return { created, updated };
  });
}

import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { conflict, isUniqueViolation, unprocessable } from '../../platform/errors.ts';
import { discountCodes } from './schema.ts';

/**
 * A discount's codes. Codes are unique in a store whatever their case (a unique index on
 * `lower(code)`): taking one another discount has is 409 `code_taken`, naming it.
 */
export async function assertCodesFree(tx: Db, storeId: string, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  const taken = await tx
    .select({ code: discountCodes.code })
    .from(discountCodes)
    .where(
      and(
        eq(discountCodes.storeId, storeId),
        inArray(
          sql`lower(${discountCodes.code})`,
          codes.map((c) => c.toLowerCase()),
        ),
      ),
    );
  if (taken.length > 0) throw codeTaken(taken.map((t) => t.code));
}

const codeTaken = (codes: string[]) =>
  conflict('code_taken', 'Another discount of this store has this code.', { path: 'body.codes', codes });

/** Replaces a discount's codes with `codes` (checked free first; a racing writer still gets `code_taken`). */
export async function replaceCodes(
  tx: Db,
  storeId: string,
  discountId: string,
  codes: readonly string[],
): Promise<void> {
  await tx.delete(discountCodes).where(eq(discountCodes.discountId, discountId));
  await assertCodesFree(tx, storeId, codes);
  if (codes.length === 0) return;
  try {
    await tx.insert(discountCodes).values(codes.map((code) => ({ discountId, storeId, code })));
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken([...codes]);
    throw err;
  }
}

/** Generated codes: letters and digits that cannot be misread (no 0/O, 1/I). 32 of them: no modulo bias. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const generateCodesInput = z
  .object({
    count: z.number().int().min(1).max(1000),
    /** Put before each code as given, e.g. `SPRING-`. */
    prefix: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$/, 'Use up to 24 letters, digits, - or _.')
      .default(''),
    /** Random characters after the prefix. */
    length: z.number().int().min(6).max(16).default(8),
  })
  .strict();
export type GenerateCodesInput = z.input<typeof generateCodesInput>;

/** A discount holds at most this many codes. */
export const maxCodesPerDiscount = 100_000;

function randomCode(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let code = prefix;
  for (const byte of bytes) code += alphabet[byte & 31];
  return code;
}

/**
 * Adds `count` random codes to a discount, all new in the store: each batch is inserted with
 * `on conflict do nothing` and the few that clashed are drawn again.
 */
export async function addGeneratedCodes(
  tx: Db,
  storeId: string,
  discountId: string,
  input: GenerateCodesInput,
): Promise<string[]> {
  const { count, prefix, length } = generateCodesInput.parse(input);
  const [held] = resultRows<{ n: string | number }>(
    await tx.execute(sql`select count(*) as n from discount_codes where discount_id = ${discountId}`),
  );
  if (Number(held?.n ?? 0) + count > maxCodesPerDiscount) {
    throw unprocessable('too_many_codes', `A discount holds at most ${maxCodesPerDiscount} codes.`, {
      codeCount: Number(held?.n ?? 0),
    });
  }
  const added: string[] = [];
  for (let attempt = 0; attempt < 10 && added.length < count; attempt++) {
    const draw = new Map<string, string>();
    while (draw.size < count - added.length) {
      const code = randomCode(prefix, length);
      draw.set(code.toLowerCase(), code);
    }
    const rows = await tx
      .insert(discountCodes)
      .values([...draw.values()].map((code) => ({ discountId, storeId, code })))
      .onConflictDoNothing()
      .returning({ code: discountCodes.code });
    added.push(...rows.map((r) => r.code));
  }
  if (added.length < count) {
    throw conflict('codes_exhausted', 'Not enough new codes of this length; use a longer length or prefix.', {
      generated: added.length,
    });
  }
  return added.sort();
}

export const listCodesQuery = z
  .object({
    q: z.string().trim().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ListCodesQuery = z.input<typeof listCodesQuery>;

/** A discount's codes, alphabetically, with how many orders hold each (reserved or committed). */
export async function listCodes(db: Db, discountId: string, input: ListCodesQuery) {
  const query = listCodesQuery.parse(input);
  const filter = query.q ? sql`and strpos(lower(c.code), lower(${query.q})) > 0` : sql``;
  const rows = resultRows<{ code: string; used: string | number; total: string | number }>(
    await db.execute(sql`
      select c.code, count(*) over () as total,
        (select count(*) from discount_usages u
         where u.discount_id = c.discount_id and u.code = c.code and u.state <> 'released') as used
      from discount_codes c
      where c.discount_id = ${discountId} ${filter}
      order by lower(c.code)
      limit ${query.limit} offset ${query.offset}`),
  );
  return {
    items: rows.map((r) => ({ code: r.code, used: Number(r.used) })),
    total: Number(rows[0]?.total ?? 0),
  };
}

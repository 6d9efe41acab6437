import { type SQL, sql } from 'drizzle-orm';
import { blobContentTypes } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { mediaKeysOfUndoableDeletions } from '../bulk/undoable-deletions.ts';
import { collections } from '../collections/schema.ts';
import { catalogTranslations, productImages, products } from '../schema.ts';
import { openRevisionStates, productRevisions } from '../workflow/schema.ts';
import { MEDIA_PATH_PREFIX } from './image-source.ts';
import { imageContentTypes } from './inspect-image.ts';
import { productImageFiles } from './schema.ts';

/**
 * Everything that names a file in media storage, so that a file none of them names can be removed
 * (unreferenced-media.ts). A new place that keeps media keys or `/media/<key>` addresses must be
 * added here, or its files will be swept away:
 * - product images: the published original (`product_images.media_key`) and its generated sizes
 *   (`product_image_files.sizes`); an image recorded by a `/media/…` address (`source_url`);
 * - HTML and image addresses people write: product descriptions and `image_url`, collection
 *   descriptions and images, translated texts (descriptions, alt texts);
 * - review workflow: open revisions' staged content (images and descriptions waiting to go live,
 *   and files uploaded to live products, kept there as bare keys with their sizes);
 * - bulk deletions that can still be undone (the undo restores the images from the audit log).
 * Old audit entries and published revisions' diffs are history, not references.
 */

/** Extensions of the image keys media storage holds (`<sha256>.jpg` …). */
export const mediaImageExtensions: readonly string[] = Object.values(imageContentTypes).map(
  (type) => blobContentTypes[type as keyof typeof blobContentTypes],
);

/** A key as it appears in a `/media/<key>` address (group 1). */
const addressPattern = `${MEDIA_PATH_PREFIX}/([0-9a-f]{64}\\.(?:${mediaImageExtensions.join('|')}))`;

/** Keys named by `/media/<key>` addresses in a text column (rows without `/media/` are skipped cheaply). */
function addressesIn(table: SQL, text: SQL, where: SQL = sql`true`): SQL {
  return sql`select m[1] as key from ${table}, regexp_matches(${text}, ${addressPattern}, 'g') as m
    where ${text} like ${`%${MEDIA_PATH_PREFIX}/%`} and ${where}`;
}

const openStates = sql.join(
  openRevisionStates.map((state) => sql`${state}`),
  sql`, `,
);

const sources: SQL[] = [
  sql`select ${productImages.mediaKey} as key from ${productImages} where ${productImages.mediaKey} is not null`,
  sql`select size->>'key' as key from ${productImageFiles}, jsonb_array_elements(${productImageFiles.sizes}) as size`,
  addressesIn(sql`${productImages}`, sql`${productImages.sourceUrl}`),
  addressesIn(sql`${products}`, sql`(${products.description} || ' ' || coalesce(${products.imageUrl}, ''))`),
  addressesIn(sql`${catalogTranslations}`, sql`${catalogTranslations.value}`),
  addressesIn(
    sql`${collections}`,
    sql`(${collections.description} || ' ' || coalesce(${collections.imageUrl}, ''))`,
  ),
  addressesIn(
    sql`${productRevisions}`,
    sql`${productRevisions.changes}::text`,
    sql`${productRevisions.state} in (${openStates})`,
  ),
  // Files uploaded to a live product wait in its staged revision as bare keys, original and sizes.
  sql`select upload->>'key' as key from ${productRevisions},
    jsonb_array_elements(${productRevisions.changes}->'uploads') as upload
    where ${productRevisions.changes} ? 'uploads' and ${productRevisions.state} in (${openStates})`,
  sql`select size->>'key' as key from ${productRevisions},
    jsonb_array_elements(${productRevisions.changes}->'uploads') as upload,
    jsonb_array_elements(upload->'sizes') as size
    where ${productRevisions.changes} ? 'uploads' and ${productRevisions.state} in (${openStates})`,
];

async function keysNamedByRows(db: Db, among?: readonly string[]): Promise<Set<string>> {
  const all = sql.join(sources, sql` union all `);
  const filter = among ? sql`where key = any(${sql.param([...among])}::text[])` : sql``;
  const rows = resultRows<{ key: string }>(
    await db.execute(sql`select distinct key from (${all}) as refs ${filter}`),
  );
  return new Set(rows.map((row) => row.key));
}

/** Every media key something refers to (the mark of a sweep). */
export async function referencedMediaKeys(db: Db): Promise<Set<string>> {
  const keys = await keysNamedByRows(db);
  for (const key of await mediaKeysOfUndoableDeletions(db)) keys.add(key);
  return keys;
}

/**
 * Which of these keys (not referred to when the sweep began) something refers to now: the cheap
 * re-check just before they are deleted. Undoable bulk deletions are not read again: a deletion
 * keeps only images that were in a gallery, which the mark already counted.
 */
export async function keysReferencedNow(db: Db, candidates: readonly string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  return keysNamedByRows(db, candidates);
}

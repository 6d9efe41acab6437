import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { catalogTranslations } from '../schema.ts';
import { putNested, type TranslationTexts, translationTexts } from './translatable-fields.ts';

const byEntities = (entityIds: string[]): SQL =>
  entityIds.length === 1
    ? eq(catalogTranslations.entityId, entityIds[0]!)
    : inArray(catalogTranslations.entityId, entityIds);

/** The translations of these entities (a product and its images) in one locale; only `fields` when given. */
export async function readTexts(
  db: Db,
  entityIds: string[],
  locale: string,
  fields?: readonly string[],
): Promise<TranslationTexts> {
  if (entityIds.length === 0) return new Map();
  const filters = [
    byEntities(entityIds),
    eq(catalogTranslations.locale, locale),
    ne(catalogTranslations.value, ''),
  ];
  if (fields) filters.push(inArray(catalogTranslations.field, [...fields]));
  const rows = await db
    .select({
      entityId: catalogTranslations.entityId,
      field: catalogTranslations.field,
      value: catalogTranslations.value,
    })
    .from(catalogTranslations)
    .where(and(...filters));
  return translationTexts(rows);
}

/**
 * One locale's text of these entities, plus the localized handles of the products in every locale
 * (what hreflang alternates and sitemaps need), in one query.
 */
export async function readTextsAndHandles(
  db: Db,
  entityIds: string[],
  locale: string,
): Promise<{ texts: TranslationTexts; handles: Map<string, Map<string, string>> }> {
  const texts: TranslationTexts = new Map();
  const handles = new Map<string, Map<string, string>>();
  if (entityIds.length === 0) return { texts, handles };
  const rows = await db
    .select({
      entityId: catalogTranslations.entityId,
      locale: catalogTranslations.locale,
      field: catalogTranslations.field,
      value: catalogTranslations.value,
    })
    .from(catalogTranslations)
    .where(
      and(
        byEntities(entityIds),
        or(eq(catalogTranslations.locale, locale), eq(catalogTranslations.field, 'handle')),
        ne(catalogTranslations.value, ''),
      ),
    );
  for (const row of rows) {
    if (row.field === 'handle') putNested(handles, row.entityId, row.locale, row.value);
    if (row.locale === locale) putNested(texts, row.entityId, row.field, row.value);
  }
  return { texts, handles };
}

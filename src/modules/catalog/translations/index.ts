/** Product translations: the admin API, and the storefront's reads of the catalog in a locale. */
export {
  findLocalizedProduct,
  type LocalizedProductDetail,
  type LocalizedSitemapFacts,
  localizedSitemapFacts,
  localizeProductDetail,
  localizeProducts,
} from './localized-catalog.ts';
export { listProductsMissingTranslations } from './missing-translations.ts';
export {
  getProductTranslation,
  getProductTranslationStatus,
  type ProductTranslationView,
  putProductTranslation,
} from './product-translations.ts';
export { translationRoutes } from './routes.ts';
export type { TranslationInput } from './translation-input.ts';

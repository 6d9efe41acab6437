/** Public face of the catalog module. */

export { bulkOperationRoutes, registerBulkOperationJobs } from './bulk/index.ts';
export { categoryRoutes } from './category-tree/index.ts';
export { catalogTopic } from './change-topic.ts';
export {
  type Collection,
  type CollectionSortOrder,
  collectionRoutes,
  collectionSortOrders,
  findCollectionByHandle,
  listCollectionProducts,
} from './collections/index.ts';
export { descriptionText, storefrontDescriptionHtml } from './description-html.ts';
export { handleFromTitle } from './handles.ts';
export { exportProducts } from './import/export-products.ts';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importProducts,
} from './import/import-products.ts';
export {
  productImportRoutes,
  productImportStorage,
  registerProductImportJobs,
} from './import-jobs/index.ts';
export {
  imageSrc,
  mediaFileRoutes,
  productImageRoutes,
  registerMediaJobs,
  remoteImageConsumer,
} from './media/index.ts';
export {
  activeVariantsInStock,
  type FeedStockSource,
  type FeedStore,
  feedProducts,
  renderMerchantFeedTsv,
  renderMerchantFeedXml,
} from './merchant-feed/index.ts';
export { loadProductDetails, type ProductDetail, type ProductVariant } from './product-detail.ts';
export { productSummaryView, productView, storefrontPath, variantView } from './product-view.ts';
export {
  type CatalogWriter,
  type CreateProductInput,
  createProduct,
  deleteProduct,
  findProductByHandle,
  getProduct,
  listActiveProducts,
  type Product,
  updateProduct,
} from './products.ts';
export { findRedirect } from './redirects.ts';
export { catalogRoutes } from './routes.ts';
export {
  type CatalogSearch,
  type CategoryEntry,
  type CategoryFacetValue,
  categoryTrail,
  everyVariantAvailable,
  type FacetValue,
  loadCategoryTrail,
  loadStoreCategories,
  type OptionFilter,
  type PriceBucket,
  type SearchFacets,
  type SearchResult,
  type SearchSort,
  type StockSource,
  searchCatalog,
  searchLimits,
  searchSorts,
} from './search/index.ts';
export { seoRoutes } from './seo/index.ts';
export {
  findLocalizedProduct,
  getProductTranslation,
  type LocalizedProductDetail,
  localizedSitemapFacts,
  localizeProductDetail,
  localizeProducts,
  putProductTranslation,
  type TranslationInput,
  translationRoutes,
} from './translations/index.ts';
export { variantTitle } from './variant-set.ts';
// Publishing goes through the review workflow (same signatures as the catalog's first versions).
export { publishProduct, unpublishProduct } from './workflow/publishing.ts';
export { registerCatalogWorkflowJobs } from './workflow/schedules.ts';
export { editProduct } from './workflow/staged-edits.ts';

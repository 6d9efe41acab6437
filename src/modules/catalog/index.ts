/** Public face of the catalog module. */

export { bulkOperationRoutes, registerBulkOperationJobs } from './bulk/index.ts';
// What carts and listings in a shopper's market read of variants (the checkout module, the storefront).
export { type CartVariant, findCartVariants, findVariantIdsOfProducts } from './cart-variants.ts';
export { categoryRoutes } from './category-tree/index.ts';
export { catalogTopic } from './change-topic.ts';
export {
  type Collection,
  type CollectionSortOrder,
  collectionRoutes,
  collectionSearchScope,
  collectionSortOrders,
  collectionsOfProducts,
  findCollectionByHandle,
  findCollectionIds,
  findProductIds,
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
// Stock in product files comes and goes through a port the inventory module implements.
export type {
  ProductStockPort,
  StockSetOutcome,
  StockSetRequest,
  VariantStockQuantity,
} from './import/product-stock-port.ts';
export {
  productImportRoutes,
  productImportStorage,
  registerProductImportJobs,
  registerStaleImportUploadsJob,
  removeStaleImportUploads,
  type StaleImportUploadsReport,
  staleImportUploadsSchedule,
} from './import-jobs/index.ts';
// Spreadsheet formula guard for CSV cells (other modules' CSV files write and read cells the same way).
export { guardFormula, unguardFormula } from './interchange/formula-guard.ts';
export { loadCoverImageManifests, loadImageManifests } from './media/image-manifests.ts';
export type { ImageManifest } from './media/image-sizes.ts';
export { mediaPath } from './media/image-source.ts';
export {
  imageSrc,
  mediaFileRoutes,
  productGallery,
  productImageRoutes,
  registerMediaJobs,
  registerUnreferencedMediaJob,
  remoteImageConsumer,
  removeUnreferencedMedia,
  reorderProductImages,
  type UnreferencedMediaReport,
  unreferencedMediaSchedule,
} from './media/index.ts';
export { type ResponsiveImageAttributes, responsiveImage } from './media/srcset.ts';
export {
  activeVariantsInStock,
  type FeedStockSource,
  type FeedStore,
  feedProducts,
  renderMerchantFeedTsv,
  renderMerchantFeedXml,
} from './merchant-feed/index.ts';
export { type ProductClassification, productClassifications } from './product-classification.ts';
export {
  loadProductDetails,
  type ProductDetail,
  type ProductImage,
  type ProductVariant,
} from './product-detail.ts';
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
  subtreeIds,
} from './search/index.ts';
export { seoRoutes } from './seo/index.ts';
export { type ListingGaps, listingGaps } from './seo/listing-gaps.ts';
export {
  type LiveListing,
  type LiveProductAddress,
  listLiveListings,
  listLiveProductAddresses,
} from './sitemap-sources.ts';
export {
  findStockVariantsByHandle,
  findStockVariantsBySku,
  listStockVariants,
  type StockVariantWithOptions,
} from './stock-variant-lookup.ts';
export { stockVariantRelation } from './stock-variant-relation.ts';
export { findStockVariants, type StockVariant } from './stock-variants.ts';
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
export { findVariantBasePrices, type VariantBasePrice } from './variant-base-prices.ts';
export { variantTitle } from './variant-set.ts';
export { findVariantShippingFacts, type VariantShippingFacts } from './variant-shipping-facts.ts';
// Publishing goes through the review workflow (same signatures as the catalog's first versions).
export { publishProduct, unpublishProduct } from './workflow/publishing.ts';
// What waits for a reviewer (the daily briefing's approvals).
export { changesAwaitingReview, type ReviewQueue } from './workflow/review-queue.ts';
// Sending an edit for review (POST …/submit-for-review; the demo sends one as its content editor).
export { submitForReview } from './workflow/review-steps.ts';
// Media files that staged changes hold until published (media cleanup must keep them).
export { stagedMediaKeys } from './workflow/revision-store.ts';
export { registerCatalogWorkflowJobs } from './workflow/schedules.ts';
// Changes to live products that wait for review (docs/catalog-workflow.md, "Staging a change").
export {
  changesAreStaged,
  changesAreStagedFor,
  type ProductChange,
  revertStagingStep,
  type StagedUpload,
  type StageOutcome,
  type StageProductChangeInput,
  stageProductChange,
} from './workflow/stage-product-change.ts';
export { editProduct } from './workflow/staged-edits.ts';

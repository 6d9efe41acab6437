/** Public face of the catalog module. */

export { catalogTopic } from './change-topic.ts';
export { descriptionText, storefrontDescriptionHtml } from './description-html.ts';
export { handleFromTitle } from './handles.ts';
export { exportProducts } from './import/export-products.ts';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importProducts,
} from './import/import-products.ts';
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
  listProducts,
  type Product,
  publishProduct,
  unpublishProduct,
  updateProduct,
} from './products.ts';
export { findRedirect } from './redirects.ts';
export { catalogRoutes } from './routes.ts';
export { variantTitle } from './variant-set.ts';

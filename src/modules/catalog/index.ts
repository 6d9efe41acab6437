/** Public face of the catalog module. */

export { handleFromTitle } from './handles.ts';
export { productView, storefrontPath } from './product-view.ts';
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
export { catalogRoutes } from './routes.ts';

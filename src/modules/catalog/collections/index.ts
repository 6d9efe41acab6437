/** Collections: admin routes, and the reads the storefront's collection page uses. */
export { type CollectionSortOrder, collectionSortOrders } from './collection-input.ts';
export { findCollectionByHandle } from './collections.ts';
export { type Collection, collectionSearchScope, listCollectionProducts } from './membership.ts';
export { collectionsOfProducts, findCollectionIds, findProductIds } from './product-collections.ts';
export { collectionRoutes } from './routes.ts';

/** The category tree: admin routes and the tree read. */
export { listCategoryTree } from './category-tree.ts';
export { categoryRoutes } from './routes.ts';

/** Saved views of the admin product list: named filters, orders and columns, private or shared. */
export { productViewRoutes } from './routes.ts';
export { type ProductListColumn, productListColumns } from './view-input.ts';

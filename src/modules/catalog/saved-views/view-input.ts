import { z } from 'zod';
import { productListFilter } from '../product-filter/index.ts';
import { searchSorts } from '../search/index.ts';

/** The product list's optional columns (the product itself is always shown). */
export const productListColumns = [
  'sku',
  'status',
  'vendor',
  'productType',
  'tags',
  'price',
  'updated',
] as const;
export type ProductListColumn = (typeof productListColumns)[number];

/** Views one author may keep per store: a tab strip, not an archive. */
export const MAX_VIEWS_PER_AUTHOR = 50;

const name = z.string().trim().min(1, 'Give the view a name.').max(80);
const sort = z.enum(searchSorts).nullable();
const columns = z
  .array(z.enum(productListColumns))
  .max(productListColumns.length)
  .refine((list) => new Set(list).size === list.length, 'Name each column once.')
  .nullable();

export const createProductViewInput = z
  .object({
    name,
    /** Shared with everyone in the store who can read the catalog (saving one needs catalog:write). */
    shared: z.boolean().default(false),
    filters: productListFilter.default({}),
    sort: sort.default(null),
    columns: columns.default(null),
  })
  .strict();

export const updateProductViewInput = z
  .object({
    name: name.optional(),
    shared: z.boolean().optional(),
    filters: productListFilter.optional(),
    sort: sort.optional(),
    columns: columns.optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Send at least one field to change.');

export type CreateProductViewInput = z.input<typeof createProductViewInput>;
export type UpdateProductViewInput = z.input<typeof updateProductViewInput>;

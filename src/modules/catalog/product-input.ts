import { z } from 'zod';
import { HANDLE_PATTERN } from './handles.ts';
import { catalogLimits } from './interchange/product-record.ts';

export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const minorUnits = (what: string) =>
  z.number().int(`Send the ${what} in minor units (an integer).`).min(0).max(1_000_000_000_000);

const amount = (what: string) => z.object({ amount: minorUnits(what) });

const imageUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (v) => v === '' || v.startsWith('/') || /^https?:\/\//.test(v),
    'Use an http(s) URL or a site path.',
  );

export const optionInput = z.object({
  name: z.string().trim().min(1, 'Name the option (e.g. Size).').max(60),
  values: z
    .array(z.string().trim().min(1).max(120))
    .min(1, 'An option needs at least one value.')
    .max(catalogLimits.maxVariants),
});

export const variantInput = z
  .object({
    /** Keeps the variant (and its id) when editing; new variants have none. */
    id: z.string().max(64).optional(),
    sku: optionalText(64),
    barcode: optionalText(64),
    /** One value per product option, in option order. */
    optionValues: z.array(z.string().trim().min(1).max(120)).max(catalogLimits.maxOptions).default([]),
    price: amount('price'),
    compareAtPrice: amount('compare-at price').nullish(),
    cost: amount('cost').nullish(),
    weightGrams: z.number().int().min(0).max(10_000_000).nullish(),
    requiresShipping: z.boolean().default(true),
    taxable: z.boolean().default(true),
    taxClass: optionalText(60),
    inventoryPolicy: z.enum(['deny', 'continue']).default('deny'),
    /** Position (1-based) of the variant's image in the product's images. */
    imagePosition: z.number().int().min(1).max(250).nullish(),
  })
  .strict();

export const imageInput = z
  .object({
    url: imageUrl.refine((v) => v !== '', 'An image needs a URL.'),
    alt: optionalText(512),
  })
  .strict();

export const productFields = {
  title: z.string().trim().min(1, 'A title is required.').max(255),
  handle: z
    .string()
    .trim()
    .max(100)
    .regex(HANDLE_PATTERN, 'Use lowercase letters, digits and single hyphens.'),
  description: z.string().max(100_000),
  status: z.enum(productStatuses),
  seoTitle: optionalText(200),
  seoDescription: optionalText(400),
  focusKeyword: optionalText(100),
  vendor: optionalText(120),
  productType: optionalText(120),
  tags: z.array(z.string().trim().min(1).max(255)).max(250),
  categoryId: z.string().max(64).nullish(),
  options: z.array(optionInput).max(catalogLimits.maxOptions, 'A product has at most 3 options.'),
  variants: z
    .array(variantInput)
    .min(1, 'A product needs at least one variant.')
    .max(catalogLimits.maxVariants, `A product has at most ${catalogLimits.maxVariants} variants.`),
  images: z.array(imageInput).max(250),
  // Shorthands for a product with a single variant (the console's simple form, older clients).
  price: amount('price'),
  sku: optionalText(64),
  imageUrl: imageUrl.nullish().transform((v) => (v ? v : null)),
};

export const createProductInput = z
  .object({
    ...productFields,
    handle: productFields.handle.optional(),
    description: productFields.description.default(''),
    status: productFields.status.default('draft'),
    tags: productFields.tags.default([]),
    options: productFields.options.default([]),
    variants: productFields.variants.optional(),
    images: productFields.images.optional(),
    price: productFields.price.optional(),
    sku: productFields.sku.optional(),
    imageUrl: productFields.imageUrl.optional(),
  })
  .strict()
  .refine((p) => p.variants !== undefined || p.price !== undefined, {
    message: 'Give a price (or variants with prices).',
    path: ['price'],
  });
export const updateProductInput = z.object(productFields).partial().strict();

export type CreateProductInput = z.input<typeof createProductInput>;
export type UpdateProductInput = z.input<typeof updateProductInput>;
export type VariantInput = z.output<typeof variantInput>;
export type OptionInput = z.output<typeof optionInput>;
export type ImageInput = z.output<typeof imageInput>;

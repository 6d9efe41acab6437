import { z } from 'zod';
import { HANDLE_PATTERN } from '../handles.ts';
import { conditionMatches, productConditions } from './product-conditions.ts';

/**
 * Orders a collection page can be sorted by. Only orders computed from the catalog itself are
 * offered ("best selling" waits for order data to exist).
 */
export const collectionSortOrders = [
  'manual',
  'title_asc',
  'title_desc',
  'price_asc',
  'price_desc',
  'newest',
] as const;
export type CollectionSortOrder = (typeof collectionSortOrders)[number];

export const collectionKinds = ['manual', 'rules'] as const;
export type CollectionKind = (typeof collectionKinds)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const imageUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (v) => v === '' || v.startsWith('/') || /^https?:\/\//.test(v),
    'Use an http(s) URL or a site path.',
  )
  .nullish()
  .transform((v) => (v ? v : null));

export const productIdList = z.array(z.string().min(1).max(64)).max(5_000);

const fields = {
  title: z.string().trim().min(1, 'A title is required.').max(255),
  handle: z
    .string()
    .trim()
    .max(100)
    .regex(HANDLE_PATTERN, 'Use lowercase letters, digits and single hyphens.'),
  description: z.string().max(100_000),
  match: z.enum(conditionMatches),
  rules: productConditions,
  sortOrder: z.enum(collectionSortOrders),
  seoTitle: optionalText(200),
  seoDescription: optionalText(400),
  imageUrl,
  imageAlt: optionalText(512),
};

export const createCollectionInput = z
  .object({
    ...fields,
    kind: z.enum(collectionKinds),
    handle: fields.handle.optional(),
    description: fields.description.default(''),
    match: fields.match.default('all'),
    rules: fields.rules.default([]),
    sortOrder: fields.sortOrder.optional(),
    /** Initial members of a manual collection, in order. */
    productIds: productIdList.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'rules' && c.rules.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: 'A rule collection needs at least one condition.',
      });
    if (c.kind === 'rules' && c.productIds)
      ctx.addIssue({
        code: 'custom',
        path: ['productIds'],
        message: 'Rules choose the products of this collection.',
      });
    if (c.kind === 'manual' && c.rules.length > 0)
      ctx.addIssue({ code: 'custom', path: ['rules'], message: 'A manual collection has no rules.' });
    if (c.kind === 'rules' && c.sortOrder === 'manual')
      ctx.addIssue({
        code: 'custom',
        path: ['sortOrder'],
        message: 'Only manual collections keep a manual order.',
      });
  });

export const updateCollectionInput = z.object(fields).partial().strict();

export const rulePreviewInput = z
  .object({
    match: fields.match.default('all'),
    rules: fields.rules.min(1, 'Give at least one condition.'),
    sortOrder: fields.sortOrder.default('title_asc'),
    limit: z.number().int().min(1).max(100).default(24),
  })
  .strict()
  .refine((p) => p.sortOrder !== 'manual', { path: ['sortOrder'], message: 'Rules have no manual order.' });

export const setMembersInput = z.object({ productIds: productIdList }).strict();
export const addMembersInput = z
  .object({
    productIds: productIdList.min(1),
    /** Where the new products go, 0 first; omitted appends them. */
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

export type CreateCollectionInput = z.input<typeof createCollectionInput>;
export type UpdateCollectionInput = z.input<typeof updateCollectionInput>;

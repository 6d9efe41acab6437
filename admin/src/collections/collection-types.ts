/** Collections as the admin API sends and takes them. */

export type CollectionKind = 'manual' | 'rules';
export type ConditionMatch = 'all' | 'any';
export type CollectionSortOrder =
  | 'manual'
  | 'title_asc'
  | 'title_desc'
  | 'price_asc'
  | 'price_desc'
  | 'newest';
export type RuleField = 'tag' | 'title' | 'vendor' | 'productType' | 'price' | 'category' | 'status';

/** A condition as stored: `value` is minor units for price, a category id for category, else text. */
export interface CollectionRule {
  field: RuleField;
  operator: string;
  value: string | number;
}

export interface Collection {
  id: string;
  handle: string;
  title: string;
  description: string;
  kind: CollectionKind;
  match: ConditionMatch;
  rules: CollectionRule[];
  sortOrder: CollectionSortOrder;
  seoTitle: string | null;
  seoDescription: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  createdAt: string;
  updatedAt: string;
  storefrontUrl: string;
  /** In lists: members of a manual collection; null for rule collections (counted when read). */
  productCount?: number | null;
}

/** A product as collection member lists and the preview show it. */
export interface CollectionProduct {
  id: string;
  title: string;
  handle: string;
  status: 'draft' | 'active' | 'archived';
  price: { amount: number; currency: string };
  imageUrl: string | null;
  vendor: string | null;
  tags: string[];
}

export const sortOrderLabels: Record<CollectionSortOrder, string> = {
  manual: 'Manual (your order)',
  title_asc: 'Title, A–Z',
  title_desc: 'Title, Z–A',
  price_asc: 'Price, low to high',
  price_desc: 'Price, high to low',
  newest: 'Newest first',
};

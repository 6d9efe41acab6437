/** Shapes of the admin API's answers, as documented in docs/api. */

export type Permission =
  | 'store:read'
  | 'store:write'
  | 'catalog:read'
  | 'catalog:write'
  | 'catalog:publish'
  | 'team:read'
  | 'team:write'
  | 'audit:read'
  | 'apikeys:read'
  | 'apikeys:write'
  | 'webhooks:read'
  | 'webhooks:write'
  | 'inventory:read'
  | 'inventory:write'
  | 'purchasing:read'
  | 'purchasing:write'
  | 'pricing:read'
  | 'pricing:write'
  | 'promotions:read'
  | 'promotions:write'
  | 'orders:read'
  | 'orders:write'
  | 'orders:refund'
  | 'customers:read'
  | 'customers:write'
  | 'privacy:manage'
  | 'analytics:read'
  | 'analytics:write'
  | 'goals:write'
  | 'marketing:read'
  | 'marketing:write'
  | 'reviews:read'
  | 'reviews:write'
  | 'support:read'
  | 'support:write'
  | 'newsletters:read'
  | 'newsletters:write'
  | 'experiments:read'
  | 'experiments:write';

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface StoreMembership {
  id: string;
  handle: string;
  name: string;
  baseCurrency: string;
  role: string;
  permissions: string[];
}

export interface Session {
  user: User;
  csrfToken: string;
  stores: StoreMembership[];
}

export interface LoginResult {
  user: User;
  csrfToken: string;
}

export interface Store {
  id: string;
  handle: string;
  name: string;
  baseCurrency: string;
  locale: string;
  /** Every locale the storefront serves, the default first. */
  locales: string[];
  timezone: string;
  domains: string[];
}

export interface StoreDetail {
  store: Store;
  role: string;
  permissions: string[];
}

export type ProductStatus = 'draft' | 'active' | 'archived';

export interface Money {
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
}

export interface Product {
  id: string;
  title: string;
  handle: string;
  description: string;
  status: ProductStatus;
  price: Money;
  sku: string | null;
  imageUrl: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  vendor: string | null;
  productType: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  storefrontUrl: string | null;
  /** In lists: how many variants the product has (its SKU column shows the first variant's SKU). */
  variantCount?: number;
  /** One product (not lists): its options, variants and gallery. */
  options?: ProductOption[];
  variants?: ProductVariant[];
  images?: ProductImageRef[];
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductVariant {
  /** A variant a staged revision adds has a placeholder id starting with `new-` until it is published. */
  id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  /** One value per product option, in option order. */
  optionValues: string[];
  price: Money;
  compareAtPrice: Money | null;
  cost: Money | null;
  weightGrams: number | null;
  requiresShipping: boolean;
  taxable: boolean;
  taxClass: string | null;
  inventoryPolicy: 'deny' | 'continue';
  imageId: string | null;
}

export interface ProductImageRef {
  id: string;
  position: number;
  url: string | null;
  sourceUrl: string | null;
  alt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
}

export interface RoleDefinition {
  role: string;
  permissions: string[];
}

export interface RolesAnswer {
  roles: RoleDefinition[];
  permissions: string[];
}

export interface AuditEntry {
  id: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

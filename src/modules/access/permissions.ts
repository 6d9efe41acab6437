/**
 * Roles map to permissions. Every admin route declares one permission; a member may call it when
 * their role in that store grants it, an API key when it was created with it.
 */
export const permissions = [
  'store:read',
  'store:write',
  'catalog:read',
  'catalog:write',
  'catalog:publish',
  'team:read',
  'team:write',
  'audit:read',
  'apikeys:read',
  'apikeys:write',
  'webhooks:read',
  'webhooks:write',
  'inventory:read',
  'inventory:write',
  'purchasing:read',
  'purchasing:write',
  // Terms of sale: markets and currencies, price lists and exchange rates, tax, shipping.
  'pricing:read',
  'pricing:write',
  // Discount codes and automatic discounts.
  'promotions:read',
  'promotions:write',
  // Orders: see them; work them (fulfil, cancel, notes, returns, draft orders); give money back.
  'orders:read',
  'orders:write',
  'orders:refund',
  // Customer accounts and their addresses.
  'customers:read',
  'customers:write',
  // Reports and insights; write: send events through the ingest API, change analytics settings.
  'analytics:read',
  'analytics:write',
  // Goals: set, change and remove the store's targets (seeing them and their pacing is analytics:read).
  'goals:write',
  // Campaigns, their budgets and ad spend; read: campaign returns, pacing, discount code performance.
  'marketing:read',
  'marketing:write',
  // Product reviews: see the moderation queue and settings; publish, reject, reply, delete, import.
  'reviews:read',
  'reviews:write',
  // The support inbox: read tickets and their threads; answer, note, assign, tag, merge, settings.
  'support:read',
  'support:write',
  // Customers' privacy requests: export a customer's data, erase a customer, the retention setting.
  'privacy:manage',
  // Newsletters: see them and their figures; write, test, send, schedule, cancel, settings.
  'newsletters:read',
  'newsletters:write',
  // A/B tests on the storefront: see them; define, start, stop and ship them.
  'experiments:read',
  'experiments:write',
] as const;

export type Permission = (typeof permissions)[number];

export const roles = [
  'owner',
  'admin',
  'manager',
  'marketing',
  'operations',
  'support',
  'content',
  'analyst',
  'viewer',
] as const;

export type Role = (typeof roles)[number];

const readCatalog: Permission[] = ['store:read', 'catalog:read'];
const moderateReviews: Permission[] = ['reviews:read', 'reviews:write'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: permissions,
  // Everything but nothing reserved to owners yet; owners differ in that only they can remove an owner.
  admin: permissions,
  manager: [
    ...readCatalog,
    'catalog:write',
    'catalog:publish',
    'team:read',
    'audit:read',
    'webhooks:read',
    'inventory:read',
    'inventory:write',
    'purchasing:read',
    'purchasing:write',
    'pricing:read',
    'pricing:write',
    'promotions:read',
    'promotions:write',
    'orders:read',
    'orders:write',
    'orders:refund',
    'customers:read',
    'customers:write',
    'analytics:read',
    'analytics:write',
    'goals:write',
    'marketing:read',
    'marketing:write',
    ...moderateReviews,
    'support:read',
    'support:write',
    'newsletters:read',
    'newsletters:write',
    'experiments:read',
    'experiments:write',
  ],
  marketing: [
    ...readCatalog,
    'catalog:write',
    'inventory:read',
    'pricing:read',
    'promotions:read',
    'promotions:write',
    'orders:read',
    'customers:read',
    'analytics:read',
    'analytics:write',
    'goals:write',
    'marketing:read',
    'marketing:write',
    'reviews:read',
    'newsletters:read',
    'newsletters:write',
    'experiments:read',
    'experiments:write',
  ],
  // Operations keeps stock true: receipts, transfers, counts, suppliers and purchase orders.
  operations: [
    ...readCatalog,
    'webhooks:read',
    'inventory:read',
    'inventory:write',
    'purchasing:read',
    'purchasing:write',
    'pricing:read',
    'orders:read',
    'orders:write',
    'customers:read',
    'analytics:read',
  ],
  // Support answers customers: their orders, refunds and returns.
  support: [
    ...readCatalog,
    'inventory:read',
    'pricing:read',
    'promotions:read',
    'orders:read',
    'orders:write',
    'orders:refund',
    'customers:read',
    'customers:write',
    ...moderateReviews,
    'support:read',
    'support:write',
  ],
  // Content editors write listings (a reviewer publishes them) and moderate customers' reviews.
  content: [...readCatalog, 'catalog:write', ...moderateReviews],
  analyst: [
    ...readCatalog,
    'audit:read',
    'inventory:read',
    'purchasing:read',
    'pricing:read',
    'promotions:read',
    'orders:read',
    'customers:read',
    'analytics:read',
    'marketing:read',
    'reviews:read',
    'support:read',
    'newsletters:read',
    'experiments:read',
  ],
  viewer: [
    ...readCatalog,
    'inventory:read',
    'pricing:read',
    'promotions:read',
    'orders:read',
    'customers:read',
    'analytics:read',
    'marketing:read',
    'reviews:read',
    'support:read',
    'newsletters:read',
  ],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

export function roleGrants(role: string, permission: Permission): boolean {
  return isRole(role) && rolePermissions[role].includes(permission);
}

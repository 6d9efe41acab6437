/** The customers API's shapes as the admin reads them (docs/customers.md, "API"). */
export interface CustomerRow {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  state: 'guest' | 'invited' | 'enabled' | 'disabled';
  acceptsMarketing: boolean;
  marketingConsentAt: string | null;
  marketingConsentSource: string | null;
  note: string | null;
  tags: string[];
  createdAt: string;
  totalSpent: number;
  orderCount: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  country: string | null;
}

export interface CustomerAddress {
  id: string;
  firstName: string;
  lastName: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  isDefault: boolean;
}

export interface ConsentEntry {
  id: string;
  status: 'granted' | 'withdrawn';
  source: string;
  ip: string | null;
  userAgent: string | null;
  recordedAt: string;
}

export interface CustomerProfile {
  customer: CustomerRow;
  addresses: CustomerAddress[];
  groups: { id: string; name: string }[];
  consentHistory: ConsentEntry[];
  recentOrders: {
    id: string;
    number: number | null;
    financialStatus: string;
    fulfilmentStatus: string;
    currency: string;
    total: number;
    placedAt: string | null;
  }[];
}

export type SegmentField =
  | 'total_spent'
  | 'order_count'
  | 'last_order_at'
  | 'first_order_at'
  | 'tag'
  | 'country'
  | 'group'
  | 'accepts_marketing'
  | 'rfm_segment'
  | 'state';

export interface SegmentRule {
  field: SegmentField;
  operator: string;
  value: string | number | boolean;
}

export interface Segment {
  id: string;
  name: string;
  match: 'all' | 'any';
  rules: SegmentRule[];
}

export const customerName = (c: Pick<CustomerRow, 'firstName' | 'lastName' | 'email'>) =>
  [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email;

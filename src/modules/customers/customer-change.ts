import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import type { Customer } from './customer.ts';
import type { CustomerState } from './schema.ts';

export const CUSTOMER_CREATED_EVENT = 'customer.created';
export const CUSTOMER_UPDATED_EVENT = 'customer.updated';
export const CUSTOMER_PASSWORD_RESET_REQUESTED_EVENT = 'customer.password_reset_requested';

/** Who changed the customer: the customer on the storefront, checkout for a guest, or the admin (audited). */
export type CustomerChangeSource = 'storefront' | 'checkout' | 'admin';

/** Who is changing: an admin change names its actor, for the audit log. */
export type CustomerChangeBy = { source: 'storefront' | 'checkout' } | { source: 'admin'; actor: Actor };

/** What changed, by name; a password change says `password` and never carries a value. */
export type CustomerField =
  | 'firstName'
  | 'lastName'
  | 'phone'
  | 'locale'
  | 'note'
  | 'tags'
  | 'state'
  | 'password'
  | 'addresses';

/** The payload of `customer.created` and `customer.updated`: no password, hash or token, ever. */
export interface CustomerEventPayload {
  [key: string]: unknown;
  id: string;
  email: string;
  state: CustomerState;
  source: CustomerChangeSource;
  /** `customer.updated` only: the fields that changed. */
  fields?: CustomerField[];
  /** `customer.updated` of an address: which one. */
  addressId?: string;
}

/**
 * Emits `customer.created` or `customer.updated` in the writer's transaction and, when an admin or
 * API key made the change, writes the audit entry (storefront actions are recorded as events only).
 */
export async function recordCustomerChange(
  tx: Db,
  change: {
    customer: Customer;
    kind: 'created' | 'updated';
    by: CustomerChangeBy;
    fields?: CustomerField[];
    addressId?: string;
    audit?: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };
  },
): Promise<void> {
  const { customer, by } = change;
  const payload: CustomerEventPayload = {
    id: customer.id,
    email: customer.email,
    state: customer.state,
    source: by.source,
    ...(change.kind === 'updated' ? { fields: change.fields ?? [] } : {}),
    ...(change.addressId ? { addressId: change.addressId } : {}),
  };
  await emitEvent(tx, {
    storeId: customer.storeId,
    type: change.kind === 'created' ? CUSTOMER_CREATED_EVENT : CUSTOMER_UPDATED_EVENT,
    payload,
  });
  if (by.source === 'admin' && change.audit) {
    await recordAudit(tx, by.actor, { storeId: customer.storeId, ...change.audit });
  }
}

import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import {
  type Customer,
  customersInGroup,
  customersInSegment,
  customersWithMarketingConsent,
  getSegment,
  listCustomerGroups,
} from '../customers/index.ts';
import type { AudienceKind } from './schema.ts';

export interface Audience {
  kind: AudienceKind;
  /** The segment or group; null for all subscribers. */
  id: string | null;
}

/**
 * The audience's members who may get marketing e-mail now (consent granted, not disabled): the
 * consent is part of the query, never an afterthought. Read in batches by id.
 */
export function consentingAudience(db: Db, storeId: string, audience: Audience): AsyncGenerator<Customer> {
  const consentOnly = { onlyWithMarketingConsent: true };
  if (audience.kind === 'segment') return customersInSegment(db, storeId, audience.id!, consentOnly);
  if (audience.kind === 'group') return customersInGroup(db, storeId, audience.id!, consentOnly);
  return customersWithMarketingConsent(db, storeId);
}

/** 404 when the audience names a segment or group the store does not have. */
export async function assertAudienceExists(db: Db, storeId: string, audience: Audience): Promise<void> {
  if (audience.kind === 'segment') await getSegment(db, storeId, audience.id!);
  if (audience.kind === 'group') {
    const groups = await listCustomerGroups(db, storeId);
    if (!groups.some((g) => g.id === audience.id)) throw notFound('Customer group', { id: audience.id });
  }
}

/** How many consenting customers the audience would reach if sent now. */
export async function countConsentingAudience(db: Db, storeId: string, audience: Audience): Promise<number> {
  await assertAudienceExists(db, storeId, audience);
  let count = 0;
  for await (const _ of consentingAudience(db, storeId, audience)) count++;
  return count;
}

import { stringify } from 'csv-stringify/sync';
import type { CustomerContact } from '../../customers/index.ts';
import { type RfmScoredCustomer, rfmSegmentDescriptions } from '../customer-value/index.ts';

/**
 * A segment as a CSV audience: who (e-mail, name, marketing consent as the customer gave it) and
 * why (scores, recency, orders, spend). Starts with a byte-order mark for spreadsheet programs;
 * cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function segmentCsv(
  members: readonly RfmScoredCustomer[],
  contacts: ReadonlyMap<string, CustomerContact>,
): string {
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  const rows = members.map((m) => {
    const c = contacts.get(m.customerId);
    return [
      m.customerId,
      safe(c?.email ?? ''),
      safe(c?.firstName ?? ''),
      safe(c?.lastName ?? ''),
      c?.acceptsMarketing ? 'yes' : 'no',
      rfmSegmentDescriptions[m.segment].label,
      `${m.scores.recency}${m.scores.frequency}${m.scores.monetary}`,
      String(m.recencyDays),
      String(m.frequency),
      String(m.monetary),
    ];
  });
  return `\uFEFF${stringify([
    [
      'Customer ID',
      'Email',
      'First name',
      'Last name',
      'Accepts marketing',
      'Segment',
      'RFM',
      'Days since last order',
      'Orders',
      'Net spend (minor units)',
    ],
    ...rows,
  ])}`;
}

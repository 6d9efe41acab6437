import type { Db } from '../../platform/db/database.ts';
import { customerData as outboxData } from '../../platform/events/index.ts';
import { customerData as mailData } from '../../platform/mail/index.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { customerData as auditData } from '../access/index.ts';
import { customerData as analyticsData } from '../analytics/index.ts';
import { customerData as checkoutData } from '../checkout/index.ts';
import { customerData as customersData } from '../customers/index.ts';
import { customerData as newslettersData } from '../newsletters/index.ts';
import { customerData as ordersData } from '../orders/index.ts';
import { customerData as paymentsData } from '../payments/index.ts';
import { customerData as promotionsData } from '../promotions/index.ts';
import { customerData as reviewsData } from '../reviews/index.ts';
import { customerData as supportData } from '../support/index.ts';
import { customerData as webhooksData } from '../webhooks/index.ts';

/** Blob storages whose files an erasure may delete after commit. */
export type ErasableStorage = 'support-attachments' | 'review-photos';

/**
 * One module's personal data: the tables it covers, how it exports them (a section of the export,
 * keyed by table) and how it erases them in the erasure's transaction.
 */
export interface CustomerDataSource {
  /** The export's section name. */
  name: string;
  /** Every table whose personal data this source exports or erases (the coverage test reads it). */
  tables: readonly string[];
  export?: (db: Db, storeId: string, subject: DataSubject) => Promise<Record<string, unknown>>;
  erase: (tx: Db, storeId: string, subject: DataSubject) => Promise<CustomerErasure>;
  /** Where the keys an erasure returns live. */
  storage?: ErasableStorage;
}

/**
 * Every module that holds customers' personal data, asked through its `index.ts`
 * (docs/privacy.md has the map). Order matters for erasure only in that identifiers are gathered
 * from the export first; each erasure matches by customer id and e-mail, not by another's rows.
 */
export const customerDataSources: readonly CustomerDataSource[] = [
  {
    name: 'customer',
    tables: [
      'customers',
      'customer_addresses',
      'customer_marketing_consents',
      'customer_group_members',
      'customer_sessions',
      'customer_tokens',
    ],
    export: customersData.exportCustomerData,
    erase: customersData.eraseCustomerData,
  },
  {
    name: 'orders',
    tables: [
      'orders',
      'order_lines',
      'order_events',
      'fulfilments',
      'fulfilment_lines',
      'refunds',
      'refund_lines',
      'order_returns',
      'order_return_lines',
    ],
    export: ordersData.exportCustomerData,
    erase: ordersData.eraseCustomerData,
  },
  {
    name: 'carts',
    tables: ['carts', 'cart_lines'],
    export: checkoutData.exportCustomerData,
    erase: checkoutData.eraseCustomerData,
  },
  {
    name: 'newsletters',
    tables: ['newsletter_recipients'],
    export: newslettersData.exportCustomerData,
    erase: newslettersData.eraseCustomerData,
  },
  {
    name: 'support',
    tables: ['support_tickets', 'support_messages', 'support_attachments', 'support_csat_surveys'],
    export: supportData.exportCustomerData,
    erase: supportData.eraseCustomerData,
    storage: 'support-attachments',
  },
  {
    name: 'reviews',
    tables: ['reviews', 'review_photos', 'review_requests', 'review_request_tokens'],
    export: reviewsData.exportCustomerData,
    erase: reviewsData.eraseCustomerData,
    storage: 'review-photos',
  },
  {
    name: 'discounts',
    tables: ['discount_customer_usages', 'discount_usages'],
    export: promotionsData.exportCustomerData,
    erase: promotionsData.eraseCustomerData,
  },
  {
    name: 'analytics',
    tables: ['analytics_events'],
    export: analyticsData.exportCustomerData,
    erase: analyticsData.eraseCustomerData,
  },
  {
    name: 'mail',
    tables: ['mail_messages'],
    export: mailData.exportCustomerData,
    erase: mailData.eraseCustomerData,
  },
  {
    name: 'auditLog',
    tables: ['audit_log', 'login_attempts'],
    export: auditData.exportCustomerData,
    erase: auditData.eraseCustomerData,
  },
  { name: 'payments', tables: ['payment_transactions'], erase: paymentsData.eraseCustomerData },
  { name: 'outbox', tables: ['outbox_events'], erase: outboxData.eraseCustomerData },
  { name: 'webhooks', tables: ['webhook_delivery_attempts'], erase: webhooksData.eraseCustomerData },
];

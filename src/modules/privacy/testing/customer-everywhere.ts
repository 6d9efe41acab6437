/*
 * A customer with personal data in every area that holds any, made through the modules' real
 * services (checkout placement, order work, the support inbox, reviews, consent, mail, analytics),
 * for the privacy module's export, erasure and coverage tests.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { type Store, systemActor } from '../../access/index.ts';
import { writeEvents } from '../../analytics/index.ts';
import { placeOrderFromCart } from '../../checkout/index.ts';
import { type EuShop, readyCart } from '../../checkout/testing/placement-setup.ts';
import { addAddress, openCustomerSession, recordMarketingConsent } from '../../customers/index.ts';
import { makeCustomerAccount } from '../../customers/testing/customer-fixtures.ts';
import {
  fulfilOrder,
  getOrder,
  markParcelDelivered,
  refundOrder,
  requestReturn,
} from '../../orders/index.ts';
import { testCard } from '../../payments/testing/payment-fixtures.ts';
import { storeReviewPhoto, submitCustomerReview } from '../../reviews/index.ts';
import { ingestSupportMail, resolveInboundRecipient } from '../../support/index.ts';

const actor = systemActor('privacy test');

/** What identifies the test person: none of it may survive an erasure anywhere in the database. */
export interface TestPerson {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  street: string;
  postalCode: string;
}

export function testPerson(tag: string): TestPerson {
  return {
    email: `ottilie.quenby.${tag}@example.com`,
    firstName: 'Ottilie',
    lastName: `Quenby${tag[0]!.toUpperCase()}${tag.slice(1)}`,
    phone: '+49 30 5550199',
    street: `Zypressenweg ${tag.length + 40}`,
    postalCode: '14195',
  };
}

export interface CustomerEverywhere {
  customerId: string;
  orderIds: string[];
  ticketId: string;
  reviewId: string;
  attachmentKeys: string[];
  photoKeys: string[];
  visitorId: string;
  sessionToken: string;
}

async function apiCall(
  app: FastifyInstance,
  auth: string,
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: unknown,
) {
  const res = await app.inject({
    method,
    url,
    payload: payload as object,
    headers: { authorization: `Bearer ${auth}` },
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * Places two orders through checkout (the second with the e-mail typed in capitals), ships,
 * delivers and partly refunds the first, opens a return with a comment; saves an address, records
 * marketing consent with its evidence, changes the profile through the admin API (audited); opens a
 * support ticket by e-mail with an attachment and answers it (mail); writes a review with a photo;
 * records storefront events under a visitor id; opens a storefront session.
 */
export async function makeCustomerEverywhere(
  database: Database,
  app: FastifyInstance,
  input: {
    store: Store;
    shop: EuShop;
    person: TestPerson;
    /** An API key of the store with every permission. */
    apiKey: string;
    supportStorage: BlobStorage;
    reviewPhotos: BlobStorage;
    dispatch: () => Promise<void>;
  },
): Promise<CustomerEverywhere> {
  const { store, shop, person } = input;
  const { db } = database;
  const address = {
    firstName: person.firstName,
    lastName: person.lastName,
    line1: person.street,
    city: 'Berlin',
    postalCode: person.postalCode,
    country: 'DE',
    phone: person.phone,
  };
  const orderIds: string[] = [];
  for (const email of [person.email, person.email.toUpperCase()]) {
    const { token } = await readyCart(database, store, {
      lines: [
        { variantId: shop.shirt.variantIds[0]!, quantity: 2 },
        { variantId: shop.book.variantIds[0]!, quantity: 1 },
      ],
      email,
      address,
    });
    const { order } = await placeOrderFromCart(db, {
      storeId: store.id,
      cartToken: token,
      idempotencyKey: randomUUID(),
      payment: { provider: 'test_card', card: testCard() },
    });
    orderIds.push(order.id);
  }
  const customerId = (await getOrder(db, store.id, orderIds[0]!)).customerId!;
  const first = await getOrder(db, store.id, orderIds[0]!);
  const { fulfilment } = await db.transaction((tx) =>
    fulfilOrder(tx, store.id, actor, first.id, {
      lines: first.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
    }),
  );
  await db.transaction((tx) =>
    markParcelDelivered(tx, store.id, actor, first.id, fulfilment.id, { notifyCustomer: true }),
  );
  const shirtLine = first.lines.find((l) => l.variantId === shop.shirt.variantIds[0])!;
  await db.transaction((tx) =>
    refundOrder(tx, store.id, actor, first.id, {
      lines: [{ orderLineId: shirtLine.id, quantity: 1, restock: false }],
      reason: `Goodwill for ${person.firstName} ${person.lastName}`,
      note: `Sorry ${person.firstName}, refunded to your card.`,
    }),
  );
  const bookLine = first.lines.find((l) => l.variantId === shop.book.variantIds[0])!;
  await db.transaction((tx) =>
    requestReturn(tx, store.id, actor, first.id, {
      lines: [{ orderLineId: bookLine.id, quantity: 1, reason: 'damaged' }],
      comment: `Please collect from ${person.street}, ${person.postalCode}. Call ${person.phone}.`,
      requestedBy: 'customer',
    }),
  );

  await db.transaction((tx) =>
    addAddress(
      tx,
      store.id,
      customerId,
      { ...address, line2: 'Hinterhaus', isDefault: true },
      { source: 'admin', actor },
    ),
  );
  await db.transaction((tx) =>
    recordMarketingConsent(tx, store.id, customerId, {
      source: 'checkout_checkbox',
      ip: '203.0.113.77',
      userAgent: 'PrivacyTestBrowser/1.0',
    }),
  );
  const base = `/api/admin/stores/${store.id}`;
  await apiCall(app, input.apiKey, 'PATCH', `${base}/customers/${customerId}`, {
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phone,
    note: `VIP, lives at ${person.street}`,
  });

  // Support: a mail with an attachment opens a ticket; staff answer it (mailed to the customer).
  await apiCall(app, input.apiKey, 'PUT', `${base}/support/settings`, {
    supportAddress: 'help@privacy-shop.test',
  });
  const recipient = (await resolveInboundRecipient(db, 'help@privacy-shop.test', 'support.test'))!;
  const boundary = 'privacy-boundary';
  const raw = Buffer.from(
    [
      `From: ${person.firstName} ${person.lastName} <${person.email}>`,
      'To: help@privacy-shop.test',
      `Subject: Parcel for ${person.lastName}`,
      `Message-ID: <${randomUUID()}@example.com>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Hello, I am ${person.firstName} ${person.lastName} of ${person.street}, ${person.postalCode} Berlin, phone ${person.phone}.`,
      `--${boundary}`,
      'Content-Type: text/plain; name="receipt.txt"',
      'Content-Disposition: attachment; filename="receipt.txt"',
      '',
      `Receipt for ${person.email} ${randomUUID()}`,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
  const ingested = await ingestSupportMail(db, input.supportStorage, recipient, raw);
  const ticketId = ingested.ticketId;
  const detail = await app.inject({
    method: 'GET',
    url: `${base}/support/tickets/${ticketId}`,
    headers: { authorization: `Bearer ${input.apiKey}` },
  });
  const messages = detail.json().messages as Array<{ id: string }>;
  await apiCall(app, input.apiKey, 'POST', `${base}/support/tickets/${ticketId}/replies`, {
    body: `Dear ${person.firstName} ${person.lastName}, we will call you on ${person.phone}.`,
    lastSeenMessageId: messages.at(-1)!.id,
  });
  const attachmentKeys = (
    await database.execute<{ blob_key: string }>(
      `select blob_key from support_attachments where ticket_id = '${ticketId}'`,
    )
  ).map((r) => r.blob_key);

  // A review with a photo (the customer received the shirt).
  const png = await sharp({
    create: {
      width: 32,
      height: 32,
      channels: 3,
      background: { r: 200, g: 40, b: Math.floor(Math.random() * 255) },
    },
  })
    .png()
    .toBuffer();
  const photo = await storeReviewPhoto(input.reviewPhotos, png);
  const review = await submitCustomerReview(
    db,
    store.id,
    { id: customerId, email: person.email },
    shop.shirt.productId,
    'en',
    {
      rating: 4,
      title: `${person.firstName} loves it`,
      body: `Great shirt. ${person.firstName} ${person.lastName} from ${person.street}.`,
      authorName: `${person.firstName} ${person.lastName[0]}.`,
    },
    [photo],
  );

  // Storefront events of the customer's visitor id, signed in.
  const visitorId = `vis_${randomUUID()}`;
  const at = new Date();
  await writeEvents(db, [
    {
      storeId: store.id,
      occurredAt: at,
      eventId: randomUUID(),
      receivedAt: at,
      name: 'page_view',
      origin: 'storefront',
      visitorId,
      sessionId: `ses_${randomUUID()}`,
      sessionStart: true,
      consented: true,
      customerId,
      channel: 'Direct',
      device: 'desktop',
      pagePath: '/account',
    } as Parameters<typeof writeEvents>[1][number],
  ]);

  // The guest signs up with the same e-mail and activates the account from the mailed link.
  await makeCustomerAccount(database, store.id, person.email);
  const session = await db.transaction((tx) =>
    openCustomerSession(tx, { id: customerId, storeId: store.id }),
  );
  await input.dispatch();
  return {
    customerId,
    orderIds,
    ticketId,
    reviewId: review.id,
    attachmentKeys,
    photoKeys: [photo.key],
    visitorId,
    sessionToken: session.token,
  };
}

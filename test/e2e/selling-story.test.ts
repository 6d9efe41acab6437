// The whole sale, storefront and admin in real Chromium, as issue "Selling" tells it: a shopper in
// Germany browses the English store in German, pays in euros with a 10 % code and the test card, and
// gets a German confirmation e-mail; staff see the order arrive and ship it in two parcels with
// tracking numbers, which the shopper follows from the order page; staff refund one damaged book;
// the shopper asks to return the shirt from the order page; staff approve it and receive it back
// into stock. At the end every number adds up: totals, payment, refund, stock.
// Screenshots go to scratch/screens/story-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import { type EuShop, makeEuShop } from '../../src/modules/checkout/testing/placement-setup.ts';
import { verifyInventory } from '../../src/modules/inventory/index.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { badge, eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const handle = 'linen-story';
const api = `/api/admin/stores/${handle}`;
const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
/** Prices as the German storefront writes them: "136,26 €" (a narrow or plain space before the sign). */
const euro = (text: string) => new RegExp(text.replace(' ', '\\s'));

interface ApiOrder {
  id: string;
  number: number;
  total: number;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  refundedAmount: number;
  financialStatus: string;
  fulfilmentStatus: string;
  lines: { id: string; title: string; quantity: number; total: number }[];
  payments: { capturedAmount: number; refundedAmount: number }[];
}

for (const target of testDatabaseTargets()) {
  describe(`a sale from the storefront to the return, in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let eu: EuShop;
    let owner: Browser;
    let shopperContext: BrowserContext;
    let shopper: Page;
    let staff: Page;
    let orderUrl = '';
    let orderId = '';
    const shop = () => `${admin.base}/s/${handle}/de`;
    const shot = async (name: string, on: Page) => {
      await on.evaluate(() => window.scrollTo(0, 0));
      await screenshotScreen(on, `story-${name}-${target.kind}`, {
        height: Math.max(900, await on.evaluate(() => document.documentElement.scrollHeight)),
      });
    };
    const order = async (): Promise<ApiOrder> => {
      const res = await owner.request({ method: 'GET', url: `${api}/orders/${orderId}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().order;
    };
    const onHand = async (variantId: string): Promise<number> =>
      (await owner.request({ method: 'GET', url: `${api}/inventory/variants/${variantId}` })).json().stock
        .onHand;
    const sendMail = async () => {
      while ((await admin.sp.dispatcher.dispatchOnce()).dispatched > 0) {}
    };
    const mailTo = async (email: string) =>
      (
        (await owner.request({ method: 'GET', url: `${api}/mail` })).json().items as {
          to: string[];
          subject: string;
          topic: string;
        }[]
      ).filter((m) => m.to.includes(email));
    const stockAtStart = new Map<string, number>();

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await createStore(database.db, systemActor('test'), {
        handle,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'de'],
      });
      eu = await makeEuShop(database, store);
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      for (const p of [eu.shirt, eu.book]) stockAtStart.set(p.variantIds[0]!, await onHand(p.variantIds[0]!));
      shopperContext = await admin.chromium.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'de-DE',
      });
      // The shopper is in Germany: the country selector's cookie, as the footer's form sets it.
      await shopperContext.addCookies([{ name: 'sp_market', value: 'DE', url: admin.base }]);
      shopper = await shopperContext.newPage();
      shopper.setDefaultTimeout(10_000);
      staff = await admin.signIn(await makeMember(database, store.id, 'manager'));
    });
    after(async () => {
      await shopperContext?.close();
      await admin?.close();
    });

    test('the shopper buys in German and euros with a code and the test card', async () => {
      await shopper.goto(`${shop()}/products/${eu.shirt.handle}`);
      await shopper.getByRole('button', { name: 'In den Warenkorb' }).click();
      // Two copies of the book: added twice from its page.
      for (let i = 0; i < 2; i++) {
        await shopper.goto(`${shop()}/products/${eu.book.handle}`);
        await shopper.getByRole('button', { name: 'In den Warenkorb' }).click();
        await shopper.waitForLoadState();
      }
      await shopper.goto(`${shop()}/cart`);
      await shopper.getByText('Field guide').first().waitFor();
      await shot('00-cart', shopper);
      await shopper.goto(`${shop()}/checkout`);
      await shopper.getByRole('heading', { name: 'Kasse' }).waitFor();
      await shopper.getByLabel('E-Mail').fill('erika@example.com');
      await shopper.locator('#contact').getByRole('button', { name: 'Weiter' }).click();

      const address = shopper.locator('#address');
      await address.getByLabel('Land').first().selectOption('DE');
      await address.getByLabel('Vorname').first().fill('Erika');
      await address.getByLabel('Nachname').first().fill('Mustermann');
      await address.getByLabel('Straße und Hausnummer').first().fill('Heidestraße 17');
      await address.getByLabel('Postleitzahl').first().fill('51147');
      await address.getByLabel('Ort').first().fill('Köln');
      await address.getByRole('button', { name: 'Weiter' }).click();

      const shipping = shopper.locator('#shipping');
      await shipping.getByText('Express').click();
      await shipping.getByRole('button', { name: 'Weiter' }).click();

      await shopper.getByLabel('Rabattcode').fill('WELCOME10');
      await shopper.getByRole('button', { name: 'Einlösen' }).click();
      await shopper
        .getByText(/WELCOME10/)
        .first()
        .waitFor();
      // 119,00 + 2 × 10,70 = 140,40; 10 % = 14,04; express 9,90 → 136,26, VAT inside.
      const summary = (await shopper.locator('.checkout-summary').allInnerTexts())
        .join(' ')
        .replace(/\s+/g, ' ');
      assert.match(summary, euro('140,40 €'));
      assert.match(summary, euro('14,04 €'));
      assert.match(summary, euro('136,26 €'));
      assert.match(summary, /MwSt\. 19 %/);
      await shot('01-checkout', shopper);

      const payment = shopper.locator('#payment');
      await payment.getByLabel('Kartennummer').fill('4242 4242 4242 4242');
      await payment.getByLabel('Gültig bis (MM/JJ)').fill(`12/${year}`);
      await payment.getByLabel('Prüfnummer (CVC)').fill('123');
      await payment.getByLabel('Name auf der Karte').fill('Erika Mustermann');
      await payment.getByRole('button', { name: /136,26\s€ bezahlen/ }).click();
      await shopper.waitForURL(/\/orders\/[A-Za-z0-9_-]{24}$/);
      orderUrl = shopper.url();
      const status = (await shopper.locator('main').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      assert.match(status, /Bestellung #\d+/);
      assert.match(status, /Bestätigt und bezahlt/);
      await shot('02-order-placed', shopper);

      await sendMail();
      const mail = await mailTo('erika@example.com');
      assert.ok(
        mail.some(
          (m) =>
            m.topic === 'transactional.order_confirmation' && /^Bestellbestätigung #\d+$/.test(m.subject),
        ),
        JSON.stringify(mail),
      );
    });

    test('staff see the order arrive and ship it in two parcels; the shopper follows them', async () => {
      await staff.goto(`${admin.base}/admin/stores/${handle}/orders`);
      const link = staff.getByRole('table', { name: 'Orders' }).getByRole('link', { name: /^#\d+$/ });
      await link.first().waitFor();
      await link.first().click();
      orderId = /orders\/([^/?]+)$/.exec(staff.url())![1]!;
      const placed = await order();
      assert.equal(placed.total, 136_26);
      assert.equal(placed.financialStatus, 'paid');
      assert.equal(
        placed.subtotal - placed.discountTotal + placed.shippingTotal,
        placed.total,
        'VAT is inside',
      );
      const name = `#${placed.number}`;
      await badge(staff, 'Unfulfilled').first().waitFor();

      await staff.getByRole('button', { name: 'Fulfil items' }).click();
      const first = staff.getByRole('dialog', { name: `Fulfil ${name}` });
      await first.getByLabel('Quantity to ship of Field guide').fill('0');
      await first.getByRole('combobox', { name: 'Carrier' }).fill('DHL');
      await first.getByLabel('Tracking number').fill('00340434161234567890');
      await first.getByRole('button', { name: 'Ship 1 item' }).click();
      await first.waitFor({ state: 'detached' });
      await badge(staff, 'Partially fulfilled').first().waitFor();

      await staff.getByRole('button', { name: 'Fulfil items' }).click();
      const second = staff.getByRole('dialog', { name: `Fulfil ${name}` });
      assert.equal(await second.getByLabel('Quantity to ship of Field guide').inputValue(), '2');
      await second.getByRole('combobox', { name: 'Carrier' }).fill('DPD');
      await second.getByLabel('Tracking number').fill('01234567890123');
      await second.getByRole('button', { name: 'Ship 2 items' }).click();
      await second.waitFor({ state: 'detached' });
      await badge(staff, 'Fulfilled').first().waitFor();

      await shopper.goto(orderUrl);
      const parcels = (await shopper.locator('main').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      assert.match(parcels, /Paket 1/);
      assert.match(parcels, /Paket 2/);
      assert.match(parcels, /Versandt/);
      const tracks = shopper.getByRole('link', { name: /Sendung verfolgen/ });
      assert.equal(await tracks.count(), 2);
      const hrefs = await tracks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(
        hrefs.some((h) => /dhl\..*00340434161234567890/.test(h)),
        hrefs.join(),
      );
      assert.ok(
        hrefs.some((h) => /dpd\..*01234567890123/.test(h)),
        hrefs.join(),
      );
      await shot('03-order-shipped', shopper);
      await sendMail();
      const shipped = (await mailTo('erika@example.com')).filter(
        (m) => m.topic === 'transactional.shipping_confirmation',
      );
      assert.equal(shipped.length, 2, 'one shipping e-mail per parcel');
    });

    test('staff refund one damaged book; the order page shows it', async () => {
      const before = await order();
      const book = before.lines.find((l) => l.title === 'Field guide')!;
      await staff.getByRole('button', { name: 'Refund', exact: true }).click();
      const refund = staff.getByRole('dialog', { name: `Refund #${before.number}` });
      await refund.getByLabel('Quantity to refund of Field guide').fill('1');
      await refund.getByLabel('Reason').fill('Arrived with a torn cover');
      // One of two books: half the line's total after its share of the code.
      const half = book.total / 2;
      const shown = `€${(half / 100).toFixed(2)}`;
      await eventually(
        () => refund.getByTestId('refund-amount').textContent(),
        (text) => text === shown,
        'the previewed amount',
      );
      await refund.getByRole('button', { name: `Refund ${shown}` }).click();
      await refund.waitFor({ state: 'detached' });
      await badge(staff, 'Partially refunded').first().waitFor();
      const after = await order();
      assert.equal(after.refundedAmount, half);
      assert.equal(after.financialStatus, 'partially_refunded');

      await shopper.goto(orderUrl);
      const page = (await shopper.locator('main').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      assert.match(page, /Erstattungen/);
      assert.match(page, euro(`${(half / 100).toFixed(2).replace('.', ',')} €`));
    });

    test('the shopper asks to return the shirt; staff approve it and receive it into stock', async () => {
      const returnForm = shopper.locator('#return');
      await returnForm.getByRole('heading', { name: 'Rücksendung anfragen' }).waitFor();
      const shirt = returnForm.getByRole('group', { name: /Linen shirt/ });
      await shirt.getByLabel('Wie viele zurücksenden').selectOption('1');
      await shirt.getByLabel('Grund').selectOption({ label: 'Zu groß' });
      await returnForm.getByLabel(/Kommentar/).fill('Eine Nummer zu groß, leider.');
      await shot('04-return-form', shopper);
      await returnForm.getByRole('button', { name: 'Rücksendung anfragen' }).click();
      await shopper.getByText('Ihre Anfrage ist gesendet.', { exact: false }).waitFor();
      await shopper.getByText('Rücksendung angefragt').first().waitFor();
      await shot('05-return-requested', shopper);

      await staff.reload();
      const placed = await order();
      const ret = staff.getByRole('group', { name: `Return #${placed.number}-R1` });
      await ret.getByText('Requested', { exact: true }).waitFor();
      await ret.getByText(/Eine Nummer zu groß/).waitFor();
      await ret.getByRole('button', { name: 'Approve' }).click();
      await staff.getByRole('dialog').getByRole('button', { name: 'Approve return' }).click();
      await ret.getByText('Approved', { exact: true }).waitFor();
      await sendMail();
      assert.ok(
        (await mailTo('erika@example.com')).some((m) => m.topic === 'transactional.return_approved'),
        'the approval with its instructions is e-mailed',
      );

      const shirtVariant = eu.shirt.variantIds[0]!;
      const beforeReceipt = await onHand(shirtVariant);
      await ret.getByRole('button', { name: 'Receive items' }).click();
      const receive = staff.getByRole('dialog', { name: `Receive Return #${placed.number}-R1` });
      await receive.getByRole('button', { name: 'Receive 1 item' }).click();
      await receive.waitFor({ state: 'detached' });
      await ret.getByText('Received', { exact: true }).waitFor();
      assert.equal(await onHand(shirtVariant), beforeReceipt + 1, 'the shirt is back on the shelf');
      await shot('06-admin-order', staff);
    });

    test('every number adds up: lines, totals, payment, refund and stock', async () => {
      const final = await order();
      const lineSum = final.lines.reduce((sum, l) => sum + l.total, 0);
      assert.equal(lineSum + final.shippingTotal, final.total, 'lines and shipping make the total');
      const { payments } = final;
      assert.equal(
        payments.reduce((s, p) => s + p.capturedAmount, 0),
        final.total,
        'captured what was charged',
      );
      assert.equal(
        payments.reduce((s, p) => s + p.refundedAmount, 0),
        final.refundedAmount,
        'refunded at the provider',
      );
      // Sold: 1 shirt and 2 books; back: the returned shirt (the damaged book was not restocked).
      assert.equal(await onHand(eu.shirt.variantIds[0]!), stockAtStart.get(eu.shirt.variantIds[0]!)!);
      assert.equal(await onHand(eu.book.variantIds[0]!), stockAtStart.get(eu.book.variantIds[0]!)! - 2);
      const books = await verifyInventory(admin.database.db);
      assert.deepEqual([books.drift, books.balanceBreaks, books.stateMismatches], [[], [], []]);
    });
  });
}

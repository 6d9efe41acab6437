// The support inbox in real Chromium. A customer asked where their order is; the order has shipped
// with a tracking number. A support agent opens the inbox, picks the suggested "Where is my order"
// macro (the tracking filled in), sends it, then refunds a line of the order from the sidebar. The
// answer is in the thread and in the mail outbox, and the order has its refund. Screenshots go to
// scratch/screens/support-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { placeTestOrder } from '../../src/modules/orders/testing/order-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/calm-goods';
const storeAdmin = '/admin/stores/calm-goods';
const tracking = '00340434161094042557';

for (const target of testDatabaseTargets()) {
  describe(`support inbox in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let orderId: string;
    let ticketId: string;
    let olderId: string;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'calm-goods', 'EUR');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      const placed = await placeTestOrder(database, store, {
        email: 'maren@example.com',
        quantities: [2, 1],
      });
      orderId = placed.order.id;
      const order = (await owner.request({ method: 'GET', url: `${api}/orders/${orderId}` })).json().order;
      const shipped = await owner.request({
        method: 'POST',
        url: `${api}/orders/${orderId}/fulfilments`,
        payload: {
          lines: order.lines.map((l: { id: string; quantity: number }) => ({
            orderLineId: l.id,
            quantity: l.quantity,
          })),
          carrier: 'DHL',
          trackingNumber: tracking,
          notifyCustomer: false,
        },
      });
      assert.equal(shipped.statusCode, 201, shipped.body);
      const macros = await owner.request({ method: 'POST', url: `${api}/support/macros/defaults` });
      assert.equal(macros.statusCode, 200, macros.body);
      // An older ticket, so the list has more than one row to move through.
      const older = await owner.request({
        method: 'POST',
        url: `${api}/support/tickets`,
        payload: { subject: 'Gift wrapping?', body: 'Do you wrap gifts?', requesterEmail: 'ole@example.com' },
      });
      assert.equal(older.statusCode, 201, older.body);
      olderId = older.json().ticket.id;
      const ticket = await owner.request({
        method: 'POST',
        url: `${api}/support/tickets`,
        payload: {
          subject: `Where is my order #${placed.order.number}?`,
          body: 'Hello, I ordered last week. Where is my order? I have no tracking link.',
          requesterEmail: 'maren@example.com',
          requesterName: 'Maren Holm',
          orderId,
        },
      });
      assert.equal(ticket.statusCode, 201, ticket.body);
      ticketId = ticket.json().ticket.id;
      page = await admin.signIn(await makeMember(database, store.id, 'support'));
    });
    after(() => admin?.close());

    test('an agent answers with the "where is my order" macro and refunds a line from the sidebar', async () => {
      await page.goto(`${admin.base}${storeAdmin}/support`);
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      const rows = page.getByTestId('ticket-row');
      await eventually(
        () => rows.count(),
        (n) => n === 2,
        'both tickets are listed',
      );
      // The newest ticket opens by itself; j and k move through the list.
      const pane = page.getByTestId('ticket-pane');
      await pane.getByRole('heading', { name: /Where is my order/ }).waitFor();
      await page.keyboard.press('j');
      await pane.getByRole('heading', { name: /Gift wrapping/ }).waitFor();
      await page.keyboard.press('k');
      await pane.getByRole('heading', { name: /Where is my order/ }).waitFor();
      await page.getByTestId('sidebar-order').waitFor();
      await screenshotScreen(page, `support-inbox-${target.kind}`);
      await page.screenshot({ path: `/tmp/inbox-list-${target.kind}.png` });

      await page.getByTestId('macro-suggestions').getByRole('button', { name: 'Where is my order' }).click();
      const rendered = page.getByTestId('macro-rendered');
      await rendered.getByText(tracking, { exact: false }).waitFor();
      assert.equal(await rendered.locator('mark').count(), 0, 'nothing is missing for this ticket');
      await rendered.getByRole('button', { name: 'Insert' }).click();
      const answer = page.getByLabel('Answer');
      assert.match(await answer.inputValue(), new RegExp(`^Hi Maren,[\\s\\S]*${tracking}`));
      await page.getByRole('button', { name: 'Send answer' }).click();
      const outbound = page.locator('[data-testid="thread-message"][data-kind="outbound"]');
      await outbound.getByText(tracking, { exact: false }).waitFor();

      const line = page.getByTestId('sidebar-line').first();
      await line.getByRole('button', { name: 'Refund' }).click();
      const dialog = page.getByRole('dialog', { name: /Refund Test product 1/ });
      await dialog.getByRole('button', { name: 'Refund' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('sidebar-order').getByText('refunded', { exact: false }).first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotScreen(page, `support-ticket-${target.kind}`);
      await page.screenshot({ path: `/tmp/inbox-ticket-${target.kind}.png` });

      const detail = (
        await owner.request({ method: 'GET', url: `${api}/support/tickets/${ticketId}` })
      ).json();
      const sent = detail.messages.filter((m: { kind: string }) => m.kind === 'outbound');
      assert.equal(sent.length, 1);
      assert.match(sent[0].bodyText, new RegExp(tracking));
      assert.equal(detail.ticket.status, 'pending', 'the macro’s status was sent with the answer');
      const outbox = await admin.database.execute<{ subject: string; text: string; to_addresses: string[] }>(
        `select subject, text, to_addresses from mail_messages where id = '${sent[0].mailId}'`,
      );
      assert.equal(outbox.length, 1);
      assert.deepEqual(outbox[0]!.to_addresses, ['maren@example.com']);
      assert.match(outbox[0]!.text, new RegExp(tracking));
      const order = (await owner.request({ method: 'GET', url: `${api}/orders/${orderId}` })).json().order;
      assert.equal(order.refunds.length, 1);
      assert.equal(order.refunds[0].lines[0].quantity, 1);
      assert.equal(order.refunds[0].lines[0].orderLineId, order.lines[0].id);

      // The macros screen previews a macro against a ticket as it is edited.
      await page.getByRole('link', { name: 'Macros' }).click();
      await page.getByTestId('macro-list').getByText('Where is my order', { exact: true }).click();
      await page.getByTestId('macro-editor').getByTestId('macro-preview').waitFor();
      await screenshotScreen(page, `support-macros-${target.kind}`);
      await page.screenshot({ path: `/tmp/inbox-macros-${target.kind}.png` });
    });

    test('when a colleague answers first, the agent is warned, sees the answer and may still send', async () => {
      await page.goto(`${admin.base}${storeAdmin}/support?ticket=${olderId}`);
      const pane = page.getByTestId('ticket-pane');
      await pane.getByRole('heading', { name: /Gift wrapping/ }).waitFor();
      await page.keyboard.press('r');
      await page.getByLabel('Answer').fill('We wrap every gift for free.');
      const thread = (
        await owner.request({ method: 'GET', url: `${api}/support/tickets/${olderId}` })
      ).json();
      const first = await owner.request({
        method: 'POST',
        url: `${api}/support/tickets/${olderId}/replies`,
        payload: { body: 'Yes, we do, with a card.', lastSeenMessageId: thread.messages[0].id },
      });
      assert.equal(first.statusCode, 201, first.body);
      await page.getByRole('button', { name: 'Send answer' }).click();
      const warning = page.getByTestId('collision-warning');
      await warning.getByText('Another agent replied').waitFor();
      await page.getByTestId('ticket-thread').getByText('Yes, we do, with a card.').waitFor();
      assert.equal(
        await page.getByLabel('Answer').inputValue(),
        'We wrap every gift for free.',
        'the draft is kept',
      );
      await page.screenshot({ path: `/tmp/inbox-collision-${target.kind}.png` });
      await warning.getByRole('button', { name: 'Send anyway' }).click();
      await page.getByTestId('ticket-thread').getByText('We wrap every gift for free.').waitFor();
      await warning.waitFor({ state: 'detached' });
      const after = (await owner.request({ method: 'GET', url: `${api}/support/tickets/${olderId}` })).json();
      assert.deepEqual(
        after.messages
          .filter((m: { kind: string }) => m.kind === 'outbound')
          .map((m: { bodyText: string }) => m.bodyText),
        ['Yes, we do, with a card.', 'We wrap every gift for free.'],
      );
    });
  });
}

// A content editor changes a live product (its text and its French translation) and sends it for
// review; the storefront keeps the live version; a manager reads the diff, approves and publishes;
// the storefront shows the change — in real Chromium, against the whole app on each database.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser } from 'playwright-core';
import { createStore, getStore, systemActor } from '../../src/modules/access/index.ts';
import { createProduct } from '../../src/modules/catalog/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeMember, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../scratch/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`review before publish in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let base: string;
    let editorLogin: { email: string; password: string };
    let managerLogin: { email: string; password: string };
    let productId: string;

    const signIn = (login: { email: string; password: string }) =>
      signInToAdmin(chromium, base, login, { viewport: { width: 1280, height: 1000 } });
    const storefrontHeading = async (locale = '') => {
      const page = await chromium.newPage();
      const response = await page.goto(
        `${base}/s/loom-and-lye/${locale ? `${locale}/` : ''}products/wool-throw`,
      );
      assert.equal(response?.status(), 200);
      const heading = await page.locator('h1').first().textContent();
      await page.close();
      return heading;
    };

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'loom-and-lye',
        name: 'Loom and Lye',
        baseCurrency: 'EUR',
        locales: ['en', 'fr'],
      });
      editorLogin = await makeMember(database, store.id, 'content');
      managerLogin = await makeMember(database, store.id, 'manager');
      const live = await createProduct(database.db, { actor: systemActor('test'), canPublish: true }, store, {
        title: 'Wool Throw',
        description: 'Woven on a dobby loom from Shetland wool.',
        price: { amount: 12900 },
        sku: 'LL-THROW',
        status: 'active',
      });
      productId = live.product.id;
      chromium = await launchChromium();
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('an editor’s change waits for review, the live page stays, the manager approves and publishes it', async () => {
      const productUrl = `${base}/admin/stores/loom-and-lye/products/${productId}`;

      const editor = await signIn(editorLogin);
      await editor.goto(productUrl);
      const title = editor.getByRole('textbox', { name: 'Title', exact: true });
      await title.fill('Wool Throw, Undyed');
      await editor
        .getByRole('textbox', { name: 'SEO title', exact: true })
        .fill('Undyed Shetland wool throw');
      await editor.getByRole('button', { name: 'Save', exact: true }).click();
      await editor.getByText('Saved for review').first().waitFor();
      await editor.getByTestId('revision-diff').waitFor();
      assert.equal(await title.inputValue(), 'Wool Throw, Undyed', 'the form keeps showing the staged text');
      assert.equal(
        await editor.getByRole('button', { name: /^Publish/ }).count(),
        0,
        'no publish for an editor',
      );
      // The French translation of the live product joins the same revision.
      await editor
        .getByRole('textbox', { name: 'Title in French', exact: true })
        .fill('Plaid en laine, écru');
      await editor.getByRole('button', { name: 'Save French' }).click();
      await editor.getByText('French translation saved for review').first().waitFor();
      await editor.getByRole('button', { name: 'Submit for review' }).click();
      await editor.getByLabel('Note for the reviewer (optional)').fill('Now sold undyed.');
      await editor.getByRole('button', { name: 'Send for review' }).click();
      await editor
        .getByTestId('workflow-state')
        .filter({ hasText: /Changes: in review/ })
        .first()
        .waitFor();
      await editor.screenshot({
        path: `${shots}workflow-editor-submitted-${target.kind}.png`,
        fullPage: true,
      });

      assert.equal(await storefrontHeading(), 'Wool Throw', 'the storefront shows the live version');
      assert.equal(await storefrontHeading('fr'), 'Wool Throw', 'in French too (not translated yet)');

      const manager = await signIn(managerLogin);
      await manager.goto(productUrl);
      const diff = manager.getByTestId('revision-diff');
      await diff.waitFor();
      const titleRow = diff.locator('tr[data-field="title"]');
      assert.match((await titleRow.textContent()) ?? '', /Wool Throw.*Wool Throw, Undyed/);
      assert.match(
        (await diff.locator('tr[data-field="seoTitle"]').textContent()) ?? '',
        /Undyed Shetland wool throw/,
      );
      assert.match(
        (await diff.locator('tr[data-field="translations.fr"]').textContent()) ?? '',
        /French translation.*Title.*not translated.*Plaid en laine, écru/,
      );
      assert.equal(await diff.locator('tr[data-field]').count(), 3, 'only the changed fields');
      assert.match((await diff.textContent()) ?? '', /Now sold undyed\./);
      await manager.screenshot({ path: `${shots}workflow-manager-diff-${target.kind}.png`, fullPage: true });

      await manager.getByRole('button', { name: 'Approve', exact: true }).click();
      await manager
        .getByTestId('workflow-state')
        .filter({ hasText: /Changes: approved/ })
        .first()
        .waitFor();
      assert.equal(await storefrontHeading(), 'Wool Throw', 'approved is not published');
      await manager.getByRole('button', { name: 'Publish changes', exact: true }).click();
      await manager.getByText('is live on the storefront').first().waitFor();
      await manager.getByTestId('revision-diff').waitFor({ state: 'detached' });
      assert.equal(
        await manager.getByRole('textbox', { name: 'Title', exact: true }).inputValue(),
        'Wool Throw, Undyed',
      );
      await manager.screenshot({
        path: `${shots}workflow-manager-published-${target.kind}.png`,
        fullPage: true,
      });

      assert.equal(await storefrontHeading(), 'Wool Throw, Undyed');
      assert.equal(await storefrontHeading('fr'), 'Plaid en laine, écru');

      // Plan the end of sale at a wall-clock time of the store, then think better of it.
      await manager.getByLabel('Schedule').fill('2031-07-01T09:00');
      await manager.getByRole('button', { name: 'Schedule unpublish' }).click();
      const planned = manager.getByTestId('planned-change');
      await planned.filter({ hasText: 'Unpublish on 2031-07-01 09:00' }).waitFor();
      assert.match((await planned.textContent()) ?? '', /\(UTC\)/);
      await manager.screenshot({
        path: `${shots}workflow-manager-scheduled-${target.kind}.png`,
        fullPage: true,
      });
      await planned.getByRole('button', { name: 'Cancel' }).click();
      await planned.waitFor({ state: 'detached' });
      await editor.context().close();
      await manager.context().close();
    });

    test('an editor’s change to a draft in review sends it back to draft, and the editor is told so', async () => {
      const store = await getStore(database.db, 'loom-and-lye');
      const draft = await createProduct(
        database.db,
        { actor: systemActor('test'), canPublish: true },
        store,
        {
          title: 'Linen Tea Towel',
          price: { amount: 1900 },
        },
      );
      const editor = await signIn(editorLogin);
      await editor.goto(`${base}/admin/stores/loom-and-lye/products/${draft.product.id}`);
      await editor.getByRole('button', { name: 'Submit for review' }).click();
      await editor.getByRole('button', { name: 'Send for review' }).click();
      const state = editor.getByTestId('workflow-state');
      await state.filter({ hasText: 'In review' }).first().waitFor();
      await editor.getByRole('textbox', { name: 'Title', exact: true }).fill('Linen Tea Towel, Striped');
      await editor.getByRole('button', { name: 'Save', exact: true }).click();
      await editor.getByText('Back to draft').first().waitFor();
      await editor.getByText('Send it for review once more.').first().waitFor();
      await state.filter({ hasText: 'Draft' }).first().waitFor();
      await editor.screenshot({ path: `${shots}workflow-editor-review-reset-${target.kind}.png` });
      await editor.context().close();
    });
  });
}

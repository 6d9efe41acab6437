// A content manager opens the SEO audit, filters it to one rule, follows a finding into the product
// editor, watches the Google preview follow the meta title as it is typed, uploads images by the
// file picker and by dropping them, writes alt text, reorders — in real Chromium, on each database.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import sharp from 'sharp';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { systemActor } from '../../src/modules/access/index.ts';
import { createProduct } from '../../src/modules/catalog/index.ts';
import { LocalDiskBlobStorage } from '../../src/platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;
const writer = { actor: systemActor('test'), canPublish: true };
const copy = `<p>${'Stonewashed European linen that softens with every wash and keeps its shape. '.repeat(6)}</p>`;

for (const target of testDatabaseTargets()) {
  describe(`SEO audit and product images in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let dataDir: string;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let login: { email: string; password: string };
    let napkinsId: string;

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-e2e-media-'));
      const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
      sp = await buildApp({ config, database, mediaStorage: new LocalDiskBlobStorage({ dataDir }) });
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await makeStore(database, 'linen-house');
      login = await makeMember(database, store.id, 'owner');
      const polished = {
        description: copy,
        status: 'active' as const,
        price: { amount: 2900 },
        seoDescription:
          'Stonewashed linen napkins in four colours, softened by washing and made to last for years.',
        images: [{ url: '/assets/demo/linen-house/napkins.svg', alt: 'Linen napkins' }],
      };
      napkinsId = (
        await createProduct(database.db, writer, store, {
          ...polished,
          title: 'Linen Napkin Set',
          handle: 'napkins',
        })
      ).product.id;
      await createProduct(database.db, writer, store, {
        ...polished,
        title: 'Linen napkin set',
        handle: 'napkins-sage',
      });
      await createProduct(database.db, writer, store, {
        title: 'Tea Towel',
        price: { amount: 900 },
        description: '<p>A towel.</p>',
      });
      chromium = await launchChromium();
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    test('the SEO audit ranks findings, filters by rule, and leads to the editor', async () => {
      page = await signInToAdmin(chromium, base, login);

      await page.getByRole('link', { name: 'SEO audit' }).click();
      await page.waitForURL(/\/admin\/stores\/linen-house\/seo/);
      await page.getByTestId('seo-finding').first().waitFor();
      const impacts = (await page.getByTestId('seo-finding').locator('td:first-child').allTextContents()).map(
        Number,
      );
      assert.ok(impacts.length > 3);
      assert.deepEqual(
        impacts,
        [...impacts].sort((a, b) => b - a),
        'highest impact first',
      );
      await page.screenshot({ path: `${shots}seo-audit-${target.kind}.png`, fullPage: true });

      await page.getByPlaceholder('All rules').click();
      await page.getByRole('option', { name: /Duplicate title/ }).click();
      await page.waitForURL(/rule=duplicate_title/);
      await page.getByTestId('seo-finding').first().waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="seo-finding"]').length === 2,
        undefined,
        { timeout: 10_000 },
      );
      const rows = await page.getByTestId('seo-finding').allTextContents();
      assert.ok(
        rows.every((row) => row.includes('Duplicate title')),
        rows.join('\n'),
      );
      await page.screenshot({ path: `${shots}seo-audit-filtered-${target.kind}.png`, fullPage: true });

      await page.getByRole('link', { name: 'Linen Napkin Set', exact: true }).click();
      await page.waitForURL(new RegExp(`/products/${napkinsId}$`));
      await page.getByTestId('finding-duplicate_title').waitFor();
    });

    test('the editor previews the Google result live and lists the findings', async () => {
      const seoTitle = page.getByRole('textbox', { name: 'SEO title' });
      await seoTitle.fill('Stonewashed linen napkin set of four, softened by washing, in sand');
      const shown = await page.getByTestId('snippet-title').textContent();
      assert.ok(shown?.endsWith('…'), `a long title is cut like Google does: ${shown}`);
      assert.ok(shown?.startsWith('Stonewashed linen napkin set'));
      assert.match(
        (await page.getByTestId('snippet-url').textContent()) ?? '',
        /› s › linen-house › products › napkins$/,
      );
      await page.getByText('For the saved version; save to check your changes.').waitFor();
      await page.getByRole('textbox', { name: 'SEO title' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}seo-panel-${target.kind}.png` });
      await page.getByRole('button', { name: 'Discard' }).click();
    });

    test('upload by picker and by drop, alt text, reorder; the findings follow', async () => {
      await page.goto(`${base}/admin/stores/linen-house/products`);
      await page.getByRole('link', { name: 'Tea Towel' }).first().click();
      await page.getByTestId('finding-no_images').waitFor();

      const first = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#d8c3a5' } })
        .png()
        .toBuffer();
      await page
        .getByTestId('image-file-input')
        .setInputFiles({ name: 'towel-sand.png', mimeType: 'image/png', buffer: first });
      await page.getByTestId('gallery-image').first().waitFor();

      // A dropped file: the same DataTransfer a desktop drag hands the page.
      const second = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#556b2f' } })
        .jpeg()
        .toBuffer();
      const dropped = await page.evaluateHandle(
        (bytes: number[]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], 'towel-olive.jpg', { type: 'image/jpeg' }));
          return transfer;
        },
        [...second],
      );
      await page.getByTestId('image-dropzone').dispatchEvent('dragover', { dataTransfer: dropped });
      await page.getByTestId('image-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="gallery-image"]').length === 2,
      );

      // A file that is not an image is refused with the server's reason.
      await page
        .getByTestId('image-file-input')
        .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
      await page.getByText('The file is not an image the store can use').first().waitFor();

      const alt = page
        .getByTestId('gallery-image')
        .first()
        .getByRole('textbox', { name: /Alt text/ });
      await alt.fill('Waffle tea towel in sand');
      await alt.press('Enter');
      await page.getByText('Alt text saved.').first().waitFor();

      // The new order shows at once; the checks below read the server, so they wait for its answer.
      const saved = () =>
        page.waitForResponse((r) => r.url().endsWith('/images/order') && r.request().method() === 'PUT');
      let answered = saved();
      await page.getByTestId('gallery-image').first().getByRole('button', { name: 'Move later' }).click();
      await answered;
      await page.getByTestId('gallery-image').first().getByText('No alt text').waitFor();

      const productId = page.url().split('/').pop()!;
      const cookies = await page.context().cookies();
      const answer = await page.request.get(
        `${base}/api/admin/stores/linen-house/products/${productId}/images`,
        {
          headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
        },
      );
      const images = (await answer.json()).images as { alt: string | null; format: string }[];
      assert.deepEqual(
        images.map((i) => [i.format, i.alt]),
        [
          ['jpeg', null],
          ['png', 'Waffle tea towel in sand'],
        ],
      );
      // Dragging the second thumbnail onto the left half of the first puts it back in front.
      const cards = page.getByTestId('gallery-image');
      answered = saved();
      await cards.nth(1).dragTo(cards.nth(0), { targetPosition: { x: 10, y: 60 } });
      await answered;
      await page.getByTestId('gallery-image').nth(1).getByText('No alt text').waitFor();
      const reordered = await page.request.get(
        `${base}/api/admin/stores/linen-house/products/${productId}/images`,
        {
          headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
        },
      );
      assert.deepEqual(
        ((await reordered.json()).images as { format: string }[]).map((i) => i.format),
        ['png', 'jpeg'],
      );

      // With images, the audit no longer reports none.
      await page.getByTestId('finding-images_missing_alt').waitFor();
      assert.equal(await page.getByTestId('finding-no_images').count(), 0);
      await page.mouse.move(0, 0);
      await page.getByRole('heading', { name: 'Media' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}product-gallery-${target.kind}.png` });
    });
  });
}

// Product CSV import through the admin API: upload, check (a dry run in a job), preview and
// report, apply, discard, export; on every database, with the real fixture files.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  permissionsOf,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import { buildApp, type StorepilotApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { catalogFixture } from '../interchange/testing/parse-results.ts';

/** Small enough to test the limit without a 200 MB body; larger than every fixture. */
const MAX_UPLOAD = 256 * 1024;

interface UploadField {
  name: string;
  value: string | Buffer;
  filename?: string;
}

function form(fields: UploadField[]): FormData {
  const data = new FormData();
  for (const field of fields) {
    if (field.filename !== undefined) {
      data.append(
        field.name,
        new Blob([new Uint8Array(Buffer.from(field.value))], { type: 'text/csv' }),
        field.filename,
      );
    } else data.append(field.name, field.value as string);
  }
  return data;
}

const fixture = (name: string) => readFile(catalogFixture(name));

/** A generated Shopify file: `count` single-variant products, to watch progress over several batches. */
function generatedShopifyCsv(count: number): string {
  const lines = ['Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Status'];
  for (let i = 1; i <= count; i++) {
    lines.push(
      `gen-${i},Generated product ${i},<p>Number ${i}.</p>,Acme,GEN-${i},${(i % 90) + 10}.50,active`,
    );
  }
  return `${lines.join('\n')}\n`;
}

for (const target of testDatabaseTargets()) {
  describe(`product import API on ${target.label}`, () => {
    let database: Database;
    let sp: StorepilotApp;
    let uploadsDir: string;
    let storage: LocalDiskBlobStorage;
    let manager: Browser;
    let content: Browser;
    let viewer: Browser;
    let storeId: string;
    const base = '/api/admin/stores/imports';

    before(async () => {
      database = await target.create();
      uploadsDir = await mkdtemp(path.join(tmpdir(), 'storepilot-import-uploads-'));
      storage = new LocalDiskBlobStorage({ dataDir: uploadsDir });
      const config = {
        ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}),
        jobs: false,
        maxImportBytes: MAX_UPLOAD,
      };
      sp = await buildApp({ config, database, importStorage: storage });
      const store = await makeStore(database, 'imports', 'USD');
      storeId = store.id;
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
      await rm(uploadsDir, { recursive: true, force: true });
    });

    const upload = (who: Browser, fields: UploadField[]) =>
      who.request({ method: 'POST', url: `${base}/imports`, payload: form(fields) });
    const uploadFile = async (who: Browser, name: string, bytes: string | Buffer, format?: string) => {
      const res = await upload(who, [
        ...(format ? [{ name: 'format', value: format }] : []),
        { name: 'file', value: bytes, filename: name },
      ]);
      assert.equal(res.statusCode, 202, res.body);
      return res.json().import as { id: string; status: string; fileName: string; fileSize: number };
    };
    const getImport = async (id: string, query = '') => {
      const res = await manager.request({ method: 'GET', url: `${base}/imports/${id}${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().import;
    };
    const apply = (who: Browser, id: string) =>
      who.request({ method: 'POST', url: `${base}/imports/${id}/apply` });
    const productCount = async () => {
      const [row] = await database.execute<{ n: string }>(
        'select count(*) as n from products where store_id = $1',
        [storeId],
      );
      return Number(row!.n);
    };
    const runJobs = async () => {
      while ((await sp.jobs.runDueJobsOnce()) > 0) {}
    };
    const fileKeyOf = async (id: string) => {
      const [row] = await database.execute<{ file_key: string }>(
        'select file_key from product_imports where id = $1',
        [id],
      );
      return row!.file_key;
    };

    test('a real WooCommerce export is checked without writing, previewed, then applied', async () => {
      const bytes = await fixture('sample_products.csv');
      const created = await uploadFile(manager, 'sample_products.csv', bytes);
      assert.equal(created.status, 'checking');
      assert.equal(created.fileName, 'sample_products.csv');
      assert.equal(created.fileSize, bytes.length);

      // Applying before the check has finished is refused.
      const early = await apply(manager, created.id);
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'import_not_checked');

      await runJobs();
      const checked = await getImport(created.id);
      assert.equal(checked.status, 'checked');
      assert.equal(checked.format, 'woocommerce');
      assert.equal(checked.check.dryRun, true);
      assert.equal(checked.check.products, 18);
      assert.equal(checked.check.created, 18);
      assert.equal(checked.check.issueCount.errors, 0);
      assert.equal(checked.progress.stage, 'check');
      assert.equal(checked.progress.rowsRead, checked.check.rowsRead);
      assert.equal(checked.progress.bytesRead, bytes.length);
      assert.equal(checked.result, null);
      assert.equal(await productCount(), 0, 'the check writes nothing');

      assert.equal(checked.preview.length, 18);
      const hoodie = checked.preview.find((p: { handle: string }) => p.handle === 'hoodie');
      assert.ok(hoodie, JSON.stringify(checked.preview.map((p: { handle: string }) => p.handle)));
      assert.ok(hoodie.variants > 1);
      assert.ok(hoodie.price.min > 0 && hoodie.price.max >= hoodie.price.min);
      assert.equal(hoodie.price.currency, 'USD');
      assert.equal(hoodie.exists, false);
      assert.equal(hoodie.importable, true);
      assert.ok(hoodie.title.length > 0);

      const applied = await apply(manager, created.id);
      assert.equal(applied.statusCode, 202, applied.body);
      assert.equal(applied.json().import.status, 'applying');
      await runJobs();
      const done = await getImport(created.id);
      assert.equal(done.status, 'done');
      assert.equal(done.result.dryRun, false);
      assert.equal(done.result.created, 18);
      assert.equal(done.progress.stage, 'apply');
      assert.equal(done.appliedBy.label.startsWith('manager'), true);
      assert.equal(await productCount(), 18);
      const list = await manager.request({ method: 'GET', url: `${base}/products?q=hoodie` });
      assert.ok(list.json().items.some((p: { handle: string }) => p.handle === 'hoodie'));

      const again = await apply(manager, created.id);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'import_already_applied');
      const discard = await manager.request({ method: 'DELETE', url: `${base}/imports/${created.id}` });
      assert.equal(discard.statusCode, 409);
      // The file is let go once the import is done.
      assert.equal(await storage.exists(await fileKeyOf(created.id)), false);

      const audit = await database.execute<{ action: string }>(
        "select action from audit_log where entity_type = 'product_import' and entity_id = $1 order by at, id",
        [created.id],
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['product_import.created', 'product_import.applied', 'product_import.completed'],
      );
    });

    test('a broken file is checked with row-level errors, and its good products can still be applied', async () => {
      const before = await productCount();
      const created = await uploadFile(
        manager,
        'bad-price.csv',
        await fixture('broken/shopify-bad-price.csv'),
        'shopify',
      );
      await runJobs();
      const checked = await getImport(created.id);
      assert.equal(checked.status, 'checked');
      assert.equal(checked.check.failed, 1);
      const error = checked.check.issues.items.find((i: { severity: string }) => i.severity === 'error');
      assert.ok(error, JSON.stringify(checked.check.issues));
      assert.equal(error.row, 6, 'the line of the bad price (the description above spans three lines)');
      assert.equal(error.column, 'Variant Price');
      assert.ok(error.message.length > 0);
      const tee = checked.preview.find((p: { handle: string }) => p.handle === 'tee');
      assert.equal(tee.importable, false);
      assert.ok(tee.issues.some((i: { row: number }) => i.row === 6));
      assert.equal(checked.preview.find((p: { handle: string }) => p.handle === 'mug').importable, true);
      assert.equal(await productCount(), before, 'nothing written by the check');

      // Issues are paged, and can be narrowed to one severity.
      const page = await getImport(created.id, '?issueOffset=0&issueLimit=0');
      assert.deepEqual(page.check.issues.items, []);
      assert.equal(page.check.issues.kept, checked.check.issues.kept);
      const errorsOnly = await getImport(created.id, '?issueSeverity=error');
      assert.equal(errorsOnly.check.issues.kept, checked.check.issueCount.errors);
      assert.ok(errorsOnly.check.issues.items.every((i: { severity: string }) => i.severity === 'error'));

      assert.equal((await apply(manager, created.id)).statusCode, 202);
      await runJobs();
      const done = await getImport(created.id);
      assert.equal(done.result.created, 1);
      assert.equal(done.result.failed, 1);
      assert.equal(await productCount(), before + 1);
    });

    test('progress is saved after every batch while a stage runs', async () => {
      const products = 600; // several batches on either database (100 or 250 products each)
      const created = await uploadFile(manager, 'generated.csv', generatedShopifyCsv(products));
      const seen: number[] = [];
      let running = true;
      const watcher = (async () => {
        while (running) {
          const { progress } = await getImport(created.id, '?issueLimit=0');
          if (progress) seen.push(progress.products);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await runJobs();
      running = false;
      await watcher;
      const checked = await getImport(created.id, '?issueLimit=0');
      assert.equal(checked.status, 'checked', checked.error);
      assert.equal(checked.progress.products, products);
      assert.equal(checked.progress.rowsRead, products);
      assert.ok(
        seen.some((n) => n > 0 && n < products),
        `a partial count was readable while checking (saw ${[...new Set(seen)].join(', ')})`,
      );
      const discard = await manager.request({ method: 'DELETE', url: `${base}/imports/${created.id}` });
      assert.equal(discard.statusCode, 204);
    });

    test('an export re-imports through the admin without changing anything', async () => {
      const exported = await manager.request({
        method: 'GET',
        url: `${base}/products/export?format=shopify`,
      });
      assert.equal(exported.statusCode, 200);
      assert.match(exported.headers['content-type'] as string, /^text\/csv/);
      assert.match(
        exported.headers['content-disposition'] as string,
        /^attachment; filename="imports-products-shopify-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      assert.ok(exported.body.startsWith('Handle,Title'), exported.body.slice(0, 80));
      const created = await uploadFile(manager, 'export.csv', exported.body);
      await runJobs();
      const checked = await getImport(created.id);
      assert.equal(checked.format, 'shopify');
      assert.equal(checked.check.products, await productCount());
      assert.equal(
        checked.check.unchanged,
        checked.check.products,
        JSON.stringify(checked.check.issues.items),
      );
      assert.ok(checked.preview.every((p: { exists: boolean }) => p.exists));
    });

    test('discarding removes the file unless another open import uploaded the same bytes', async () => {
      const bytes = await fixture('shopify_product_template_legacy.csv');
      const first = await uploadFile(manager, 'legacy.csv', bytes);
      const second = await uploadFile(manager, 'legacy-again.csv', bytes);
      const key = await fileKeyOf(first.id);
      assert.equal(await fileKeyOf(second.id), key);

      const discardFirst = await manager.request({ method: 'DELETE', url: `${base}/imports/${first.id}` });
      assert.equal(discardFirst.statusCode, 204);
      assert.equal(await storage.exists(key), true, 'still needed by the second import');
      // The queued check of a discarded import does nothing.
      await runJobs();
      assert.equal((await getImport(first.id)).status, 'discarded');
      assert.equal((await getImport(second.id)).status, 'checked');

      const applyDiscarded = await apply(manager, first.id);
      assert.equal(applyDiscarded.statusCode, 409);
      assert.equal(applyDiscarded.json().error.code, 'import_discarded');

      const before = await productCount();
      assert.equal(
        (await manager.request({ method: 'DELETE', url: `${base}/imports/${second.id}` })).statusCode,
        204,
      );
      assert.equal(await storage.exists(key), false);
      assert.equal(await productCount(), before);
      const audit = await database.execute<{ n: string }>(
        "select count(*) as n from audit_log where action = 'product_import.discarded' and entity_id in ($1, $2)",
        [first.id, second.id],
      );
      assert.equal(Number(audit[0]!.n), 2);

      const list = await manager.request({ method: 'GET', url: `${base}/imports?limit=5` });
      assert.equal(list.statusCode, 200);
      const items = list.json().items as Array<{ id: string; status: string; check: unknown }>;
      assert.equal(items[0]!.id, second.id, 'newest first');
      assert.equal(items[0]!.status, 'discarded');
      assert.equal('issues' in (items[0]!.check as object), false, 'the list leaves issues out');
    });

    test('bad uploads get a 4xx with a clear code and leave nothing behind', async () => {
      const before = await database.execute<{ n: string }>('select count(*) as n from product_imports');
      const cases: Array<[string, Parameters<typeof manager.request>[0], number, string]> = [
        [
          'no file',
          { method: 'POST', url: `${base}/imports`, payload: form([{ name: 'format', value: 'shopify' }]) },
          400,
          'file_required',
        ],
        [
          'unknown format',
          {
            method: 'POST',
            url: `${base}/imports`,
            payload: form([
              { name: 'file', value: 'Handle,Title\n', filename: 'a.csv' },
              { name: 'format', value: 'magento' },
            ]),
          },
          400,
          'unknown_format',
        ],
        [
          'oversize file',
          {
            method: 'POST',
            url: `${base}/imports`,
            payload: form([{ name: 'file', value: Buffer.alloc(MAX_UPLOAD + 10, 'a'), filename: 'big.csv' }]),
          },
          413,
          'file_too_large',
        ],
        [
          'two files',
          {
            method: 'POST',
            url: `${base}/imports`,
            payload: form([
              { name: 'file', value: 'a', filename: 'a.csv' },
              { name: 'file', value: 'b', filename: 'b.csv' },
            ]),
          },
          400,
          'one_file_only',
        ],
        [
          'a stray field',
          {
            method: 'POST',
            url: `${base}/imports`,
            payload: form([
              { name: 'file', value: 'a', filename: 'a.csv' },
              { name: 'dryRun', value: 'true' },
            ]),
          },
          400,
          'unexpected_field',
        ],
        [
          'JSON instead of a file',
          { method: 'POST', url: `${base}/imports`, payload: { file: 'x' } },
          415,
          'multipart_required',
        ],
        [
          'a cut-off multipart body',
          {
            method: 'POST',
            url: `${base}/imports`,
            payload:
              '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nHandle,Ti',
            headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
          },
          400,
          'malformed_upload',
        ],
        [
          'no boundary',
          {
            method: 'POST',
            url: `${base}/imports`,
            payload: 'whatever',
            headers: { 'content-type': 'multipart/form-data' },
          },
          400,
          'malformed_upload',
        ],
      ];
      for (const [label, request, status, code] of cases) {
        const res = await manager.request(request);
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const afterCount = await database.execute<{ n: string }>('select count(*) as n from product_imports');
      assert.equal(afterCount[0]!.n, before[0]!.n);
      const stored = await database.execute<{ file_key: string }>(
        "select file_key from product_imports where status in ('checking', 'checked', 'applying')",
      );
      const onDisk = await storedKeys(storage.rootDir);
      assert.deepEqual(
        onDisk.filter((key) => !stored.some((row) => row.file_key === key)),
        [],
        'no file left from a refused upload',
      );
    });

    test('a file that is not CSV is checked with a file-level error, and cannot be applied', async () => {
      const garbage = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        randomBytes(4000),
      ]);
      const created = await uploadFile(manager, 'photo.png', garbage);
      await runJobs();
      const checked = await getImport(created.id);
      assert.equal(checked.status, 'checked', checked.error);
      assert.equal(checked.check.products, 0);
      assert.ok(checked.check.issueCount.errors >= 1);
      const [issue] = checked.check.issues.items;
      assert.ok(['invalid_utf8', 'unknown_format', 'malformed_csv'].includes(issue.code), issue.code);
      assert.equal(checked.preview.length, 0);
      const res = await apply(manager, created.id);
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'nothing_to_import');
    });

    test('without catalog:publish, active products are checked and imported as drafts', async () => {
      const created = await uploadFile(
        content,
        'packt.csv',
        await fixture('packt_demo_store_products_export.csv'),
      );
      await runJobs();
      const checked = await getImport(created.id);
      assert.equal(checked.check.products, 20);
      const warnings = await getImport(created.id, '?issueSeverity=warning&issueLimit=5');
      assert.equal(warnings.check.issues.kept, checked.check.issueCount.warnings);
      assert.equal(warnings.check.issues.items.length, 5);
      assert.equal((await getImport(created.id, '?issueSeverity=error')).check.issues.kept, 0);
      const activeInFile = checked.preview.filter((p: { fileStatus: string }) => p.fileStatus === 'active');
      assert.ok(activeInFile.length > 0);
      for (const product of activeInFile) {
        assert.equal(product.status, 'draft');
        assert.ok(product.issues.some((i: { code: string }) => i.code === 'publish_not_allowed'));
      }
      assert.equal((await apply(content, created.id)).statusCode, 202);
      await runJobs();
      assert.equal((await getImport(created.id)).result.created, 20);
      const statuses = await database.execute<{ status: string; n: string }>(
        "select status, count(*) as n from products where store_id = $1 and handle in (select jsonb_array_elements(preview)->>'handle' from product_imports where id = $2) group by status",
        [storeId, created.id],
      );
      assert.deepEqual(
        statuses.map((s) => s.status),
        ['draft'],
      );
    });

    test('permissions: viewers read and export but cannot upload, apply or discard', async () => {
      const created = await uploadFile(
        manager,
        'legacy.csv',
        await fixture('shopify_product_template_legacy.csv'),
      );
      const refusals = [
        await upload(viewer, [{ name: 'file', value: 'Handle,Title\n', filename: 'a.csv' }]),
        await apply(viewer, created.id),
        await viewer.request({ method: 'DELETE', url: `${base}/imports/${created.id}` }),
      ];
      for (const res of refusals) {
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'permission_denied');
      }
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${base}/imports/${created.id}` })).statusCode,
        200,
      );
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/imports` })).statusCode, 200);
      for (const format of ['shopify', 'woocommerce', 'storepilot']) {
        const res = await viewer.request({ method: 'GET', url: `${base}/products/export?format=${format}` });
        assert.equal(res.statusCode, 200, `${format}: ${res.body}`);
        assert.match(res.headers['content-disposition'] as string, new RegExp(`products-${format}-`));
      }
      const badFormat = await viewer.request({ method: 'GET', url: `${base}/products/export?format=xlsx` });
      assert.equal(badFormat.statusCode, 400);

      // An API key with catalog:read exports; one without it does not.
      const reader = withApiKey(sp.app, await makeApiKey(database, storeId, ['catalog:read']));
      assert.equal((await reader({ method: 'GET', url: `${base}/products/export` })).statusCode, 200);
      const keyWithout = withApiKey(sp.app, await makeApiKey(database, storeId, ['webhooks:read']));
      assert.equal((await keyWithout({ method: 'GET', url: `${base}/products/export` })).statusCode, 403);
      assert.ok(permissionsOf('viewer').includes('catalog:read'));
    });
  });
}

/** Blob keys under a storage root (its temporary folder excluded). */
async function storedKeys(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).map((e) => e.name);
}

// Media files nothing refers to are removed; everything that refers to media keeps its files:
// galleries, descriptions, collections, translations, staged revisions, undoable bulk deletions.
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { Browser, makeMember } from '../../../../test/support/app-harness.ts';
import { buildApp, type StorepilotApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createLogger } from '../../../platform/logging.ts';
import { createStore, systemActor } from '../../access/index.ts';
import { keysReferencedNow, referencedMediaKeys } from './media-references.ts';
import { removeUnreferencedMedia, UNREFERENCED_MEDIA_JOB } from './unreferenced-media.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Every file is older than the grace period when the sweep looks from two days ahead. */
const later = () => new Date(Date.now() + 2 * DAY);

interface Image {
  id: string;
  mediaKey: string;
  sizes: { url: string }[];
}

for (const target of testDatabaseTargets()) {
  describe(`unreferenced media on ${target.label}`, () => {
    let database: Database;
    let dataDir: string;
    let storage: LocalDiskBlobStorage;
    let sp: StorepilotApp;
    let owner: Browser;
    let editor: Browser;
    let otherOwner: Browser;
    let colour = 0;
    const logLines: string[] = [];
    const api = '/api/admin/stores/tidy';

    /** A picture no other test uses (a colour of its own), as PNG bytes. */
    const picture = () =>
      sharp({
        create: { width: 500, height: 300, channels: 3, background: { r: 40, g: 90, b: ++colour * 7 } },
      })
        .png()
        .toBuffer();

    async function call(
      as: Browser,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      const res = await as.request({ method, url, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.statusCode === 204 ? {} : res.json();
    }
    async function newProduct(as: Browser, base: string, payload: Record<string, unknown>) {
      return (await call(as, 'POST', `${base}/products`, { price: { amount: 1200 }, ...payload }))
        .product as {
        id: string;
      };
    }
    async function upload(as: Browser, base: string, productId: string, bytes: Buffer): Promise<Image> {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
      const encoded = new Response(form);
      const res = await as.request({
        method: 'POST',
        url: `${base}/products/${productId}/images`,
        payload: Buffer.from(await encoded.arrayBuffer()),
        headers: { 'content-type': encoded.headers.get('content-type')! },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().image;
    }
    /** The keys of an image's files: the original and its sizes. */
    const filesOf = (image: Image) => [image.mediaKey, ...image.sizes.map((s) => s.url.split('/').pop()!)];
    /** A picture stored in media storage with no row naming it (yet). */
    const storeLoose = async () => (await storage.put(await picture(), { contentType: 'image/png' })).key;
    const exists = async (keys: string[]) => Promise.all(keys.map((key) => storage.exists(key)));
    const all = (keys: string[], value: boolean) => keys.map(() => value);

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-media-gc-'));
      storage = new LocalDiskBlobStorage({ dataDir });
      const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
      const sink = new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      sp = await buildApp({ config, database, mediaStorage: storage, logger: createLogger('info', sink) });
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'tidy',
        name: 'Tidy',
        baseCurrency: 'EUR',
        locales: ['en', 'de'],
      });
      const other = await createStore(database.db, systemActor('test'), {
        handle: 'elsewhere',
        name: 'Elsewhere',
        baseCurrency: 'EUR',
      });
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      editor = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      otherOwner = await Browser.signIn(sp.app, (await makeMember(database, other.id, 'owner')).email);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('a deleted image goes with all its sizes; what galleries show stays; recent files stay', async () => {
      const product = await newProduct(owner, api, { title: 'Apron' });
      const kept = await upload(owner, api, product.id, await picture());
      const dropped = await upload(owner, api, product.id, await picture());
      await call(owner, 'DELETE', `${api}/products/${product.id}/images/${dropped.id}`);
      const loose = await storeLoose();
      assert.ok(filesOf(dropped).length >= 3, 'an original and its sizes');

      // Everything was stored a moment ago: the grace period keeps it all.
      const fresh = await removeUnreferencedMedia(database.db, storage);
      assert.deepEqual(fresh.removed, []);
      assert.ok(fresh.recent >= filesOf(kept).length + filesOf(dropped).length + 1);

      const dry = await removeUnreferencedMedia(database.db, storage, { now: later(), dryRun: true });
      const doomed = [...filesOf(dropped), loose].sort();
      assert.deepEqual(dry.removed.map((f) => f.key).sort(), doomed);
      assert.deepEqual(await exists(doomed), all(doomed, true), 'a dry run deletes nothing');

      const real = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.deepEqual(real.removed.map((f) => f.key).sort(), doomed);
      assert.equal(
        real.bytesRemoved,
        real.removed.reduce((sum, f) => sum + f.bytes, 0),
      );
      assert.deepEqual(await exists(doomed), all(doomed, false));
      assert.deepEqual(await exists(filesOf(kept)), all(filesOf(kept), true));
      const served = await sp.app.inject({ method: 'GET', url: `/media/${kept.mediaKey}` });
      assert.equal(served.statusCode, 200);

      const again = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.deepEqual(again.removed, [], 'nothing left to remove');
    });

    test('the same picture in another store keeps its files when one store deletes it', async () => {
      const bytes = await picture();
      const here = await newProduct(owner, api, { title: 'Shared here' });
      const there = await newProduct(otherOwner, '/api/admin/stores/elsewhere', { title: 'Shared there' });
      const mine = await upload(owner, api, here.id, bytes);
      const theirs = await upload(otherOwner, '/api/admin/stores/elsewhere', there.id, bytes);
      assert.deepEqual(filesOf(mine), filesOf(theirs), 'identical content is stored once');
      await call(owner, 'DELETE', `${api}/products/${here.id}/images/${mine.id}`);
      await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.deepEqual(await exists(filesOf(theirs)), all(filesOf(theirs), true));
    });

    test('descriptions, collections, translations, image addresses and staged edits keep their files', async () => {
      const referenced: string[] = [];
      for (let i = 0; i < 6; i++) referenced.push(await storeLoose());
      const [inDescription, inCollection, inCollectionText, inTranslation, byAddress, staged] =
        referenced as [string, string, string, string, string, string];
      const live = await newProduct(owner, api, {
        title: 'Linen Towel',
        status: 'active',
        description: `<p>Woven in Kaunas.</p><p><img src="/media/${inDescription}" alt="Loom"></p>`,
        images: [{ url: `/media/${byAddress}`, alt: 'Recorded by its address' }],
      });
      await call(owner, 'POST', `${api}/collections`, {
        title: 'Kitchen',
        kind: 'manual',
        imageUrl: `https://shop.example.test/media/${inCollection}`,
        description: `<img src="/media/${inCollectionText}">`,
      });
      await call(owner, 'PUT', `${api}/products/${live.id}/translations/de`, {
        title: 'Leinenhandtuch',
        description: `<p><img src="/media/${inTranslation}" alt="Webstuhl"></p>`,
      });
      // A content editor's change to a live product waits in a revision for review.
      const edit = await editor.request({
        method: 'PATCH',
        url: `${api}/products/${live.id}`,
        payload: {
          images: [
            { url: `/media/${byAddress}`, alt: null },
            { url: `/media/${staged}`, alt: null },
          ],
        },
      });
      assert.equal(edit.statusCode, 202, edit.body);

      const refs = await referencedMediaKeys(database.db);
      assert.deepEqual(
        referenced.filter((key) => !refs.has(key)),
        [],
        'every place is read',
      );
      const report = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.deepEqual(
        report.removed.filter((f) => referenced.includes(f.key)),
        [],
      );
      assert.deepEqual(await exists(referenced), all(referenced, true));

      // Discarding the staged revision lets its picture go.
      const revisions = await call(owner, 'GET', `${api}/products/${live.id}/revisions`);
      const open = revisions.items.find((r: { state: string }) => r.state === 'draft');
      assert.ok(open, JSON.stringify(revisions));
      await call(owner, 'POST', `${api}/products/${live.id}/revisions/${open.id}/discard`);
      const afterDiscard = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.deepEqual(
        afterDiscard.removed.map((f) => f.key),
        [staged],
      );
    });

    test('a file a content editor uploads to a live product waits for review with all its sizes', async () => {
      const live = await newProduct(owner, api, { title: 'Waiting Mug', status: 'active' });
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await picture())], { type: 'image/png' }), 'mug.png');
      const encoded = new Response(form);
      const res = await editor.request({
        method: 'POST',
        url: `${api}/products/${live.id}/images`,
        payload: Buffer.from(await encoded.arrayBuffer()),
        headers: { 'content-type': encoded.headers.get('content-type')! },
      });
      assert.equal(res.statusCode, 202, res.body);
      const [row] = await database.execute<{
        changes: { uploads?: { key: string; sizes: { key: string }[] }[] };
      }>(`select changes from product_revisions where product_id = $1 and state = 'draft'`, [live.id]);
      const uploads = row?.changes.uploads;
      assert.ok(uploads?.length === 1, JSON.stringify(row));
      const files = [uploads[0]!.key, ...uploads[0]!.sizes.map((s) => s.key)];
      assert.ok(files.length > 1, 'sizes were generated');
      const report = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.deepEqual(
        report.removed.filter((f) => files.includes(f.key)),
        [],
      );
      assert.deepEqual(await exists(files), all(files, true));
    });

    test('a bulk deletion that can be undone keeps the deleted products’ images until it is undone', async () => {
      const product = await newProduct(owner, api, { title: 'Bread Bag', tags: ['doomed'] });
      const image = await upload(owner, api, product.id, await picture());
      const deletion = await call(owner, 'POST', `${api}/bulk-operations`, {
        selection: { ids: [product.id] },
        action: { type: 'delete' },
      });
      await sp.jobs.runDueJobsOnce();
      const deleted = await call(owner, 'GET', `${api}/bulk-operations/${deletion.operation.id}`);
      assert.equal(deleted.operation.status, 'completed');

      const report = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.ok(!report.removed.some((f) => f.key === image.mediaKey), 'the original can come back');
      assert.equal(await storage.exists(image.mediaKey), true);

      await call(owner, 'POST', `${api}/bulk-operations/${deletion.operation.id}/undo`);
      await sp.jobs.runDueJobsOnce();
      const restored = await call(owner, 'GET', `${api}/products/${product.id}/images`);
      assert.equal(restored.images[0].mediaKey, image.mediaKey);
      const served = await sp.app.inject({ method: 'GET', url: `/media/${image.mediaKey}` });
      assert.equal(served.statusCode, 200);
    });

    test('files that are not images are never touched', async () => {
      const sheet = await storage.put(Buffer.from('sku,qty\nA,1\n'), { contentType: 'text/csv' });
      const report = await removeUnreferencedMedia(database.db, storage, { now: later() });
      assert.ok(report.other >= 1);
      assert.equal(await storage.exists(sheet.key), true);
    });

    test('the daily job removes what is old and unreferenced, and logs counts only', async () => {
      const old = await storeLoose();
      const twoDaysAgo = new Date(Date.now() - 2 * DAY);
      await utimes(path.join(storage.rootDir, old.slice(0, 2), old.slice(2, 4), old), twoDaysAgo, twoDaysAgo);
      const young = await storeLoose();
      await sp.jobs.enqueue(database.db, UNREFERENCED_MEDIA_JOB, {});
      assert.equal(await sp.jobs.runDueJobsOnce(), 1);
      assert.deepEqual(await exists([old, young]), [false, true]);
      const line = logLines.find((l) => l.includes('unreferenced media files removed'));
      assert.ok(line, logLines.join(''));
      const logged = JSON.parse(line);
      assert.equal(logged.removed, 1);
      assert.ok(logged.scanned >= 2 && logged.recent >= 1);
      assert.ok(!line.includes(old.slice(0, 64)), 'no file names in the log');
    });

    test('a candidate something refers to by the time it is re-checked is kept', async () => {
      const late = await storeLoose();
      const never = await storeLoose();
      assert.deepEqual([...(await keysReferencedNow(database.db, [late, never]))], []);
      await newProduct(owner, api, { title: 'Late', images: [{ url: `/media/${late}`, alt: null }] });
      assert.deepEqual([...(await keysReferencedNow(database.db, [late, never]))], [late]);
    });
  });
}

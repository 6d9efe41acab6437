import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { findStore } from '../modules/access/index.ts';
import { findProductByHandle, getProductTranslation } from '../modules/catalog/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { storefrontRoutes } from '../storefront/index.ts';
import { demoTranslations } from './demo-translations.ts';
import { seedDemo } from './seed-demo.ts';

const [target] = testDatabaseTargets();
let database: Database;
let app: FastifyInstance;

before(async () => {
  database = await target!.create();
  await seedDemo(database.db);
  app = Fastify();
  await app.register(storefrontRoutes, { db: database.db });
});
after(async () => {
  await app.close();
  await database.close();
});

test('the demo store serves a second locale with the translated products', async () => {
  const [demo] = demoTranslations;
  const store = (await findStore(database.db, demo!.storeHandle))!;
  assert.deepEqual([store.locale, ...store.enabledLocales], ['en', 'de']);
  for (const [handle, text] of Object.entries(demo!.products)) {
    const product = (await findProductByHandle(database.db, store.id, handle))!;
    const translation = await getProductTranslation(database.db, store, product.id, demo!.locale);
    assert.equal(translation.fields.title.value, text.title, handle);
    const page = await app.inject({ url: translation.storefrontUrl });
    assert.equal(page.statusCode, 200, translation.storefrontUrl);
    assert.ok(page.body.startsWith('<!DOCTYPE html><html lang="de">'));
    assert.ok(page.body.includes(`<h1>${text.title!.replace(/&/g, '&amp;')}</h1>`), handle);
  }
  const home = await app.inject({ url: '/s/alder-ash/', headers: { 'accept-language': 'de-DE,de;q=0.9' } });
  assert.equal(home.statusCode, 302);
  assert.equal(home.headers.location, '/s/alder-ash/de/');
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PageCache, type RenderedPage } from './page-cache.ts';
import { negotiateEncoding } from './page-response.ts';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function html(body: string): RenderedPage {
  return { status: 200, contentType: 'text/html', body };
}

describe('page cache', () => {
  test('serves a page from memory until its TTL has passed, then renders again', async () => {
    const time = clock();
    const cache = new PageCache({ ttlMs: 5_000, maxEntries: 10, maxBytes: 1e6, now: time.now });
    let renders = 0;
    const render = async () => html(`render ${++renders}`);
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 1');
    time.advance(4_999);
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 1');
    time.advance(1);
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 2');
  });

  test('concurrent misses for one key share one render', async () => {
    const cache = new PageCache({ ttlMs: 5_000, maxEntries: 10, maxBytes: 1e6 });
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return html('x');
    };
    const pages = await Promise.all(Array.from({ length: 20 }, () => cache.get('s1', '/a', render)));
    assert.equal(renders, 1);
    assert.ok(pages.every((p) => p === pages[0]));
  });

  test('invalidate drops one store only, and a render that started before it is not kept', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1e6 });
    await cache.get('s1', '/a', async () => html('s1 old'));
    await cache.get('s2', '/a', async () => html('s2 old'));

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cache.get('s1', '/b', async () => {
      await gate;
      return html('read before the change');
    });
    cache.invalidate('s1');
    release();
    assert.equal(
      (await slow).body.toString(),
      'read before the change',
      'the waiting request still gets an answer',
    );

    assert.equal((await cache.get('s1', '/b', async () => html('fresh'))).body.toString(), 'fresh');
    assert.equal((await cache.get('s1', '/a', async () => html('s1 new'))).body.toString(), 's1 new');
    assert.equal((await cache.get('s2', '/a', async () => html('s2 new'))).body.toString(), 's2 old');

    cache.invalidate();
    assert.equal((await cache.get('s2', '/a', async () => html('s2 newest'))).body.toString(), 's2 newest');
  });

  test('while a store has an unconfirmed change, its pages are rendered fresh: neither served cached nor kept', async () => {
    let unconfirmed = false;
    const cache = new PageCache({
      ttlMs: 5_000,
      maxEntries: 10,
      maxBytes: 1e6,
      mayStore: () => !unconfirmed,
    });
    let renders = 0;
    const render = async () => html(`render ${++renders}`);
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 1');
    unconfirmed = true;
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 2');
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 3');
    unconfirmed = false;
    // The cached page is back once the change is confirmed (the confirmation itself invalidates it).
    cache.invalidate('s1');
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 4');
    assert.equal((await cache.get('s1', '/a', render)).body.toString(), 'render 4');
  });

  test('holds at most maxEntries pages and maxBytes bytes, dropping the oldest first', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 3, maxBytes: 1e6 });
    for (const key of ['/1', '/2', '/3', '/4']) await cache.get('s', key, async () => html(key));
    assert.equal(cache.size, 3);
    assert.equal((await cache.get('s', '/1', async () => html('again'))).body.toString(), 'again');
    assert.equal((await cache.get('s', '/4', async () => html('again'))).body.toString(), '/4');

    const small = new PageCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 2_500 });
    for (const key of ['/1', '/2', '/3']) await small.get('s', key, async () => html('x'.repeat(1_000)));
    assert.equal(small.size, 2);
    assert.ok(small.byteSize <= 2_500);
  });

  test('compresses on first demand, keeps the result, and counts it against the byte bound', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1e6 });
    const text = '<p>hello storefront</p>'.repeat(200);
    const page = await cache.get('s', '/a', async () => html(text));
    const before = cache.byteSize;
    const gz = cache.bodyFor(page, 'gzip');
    assert.equal(gz.encoding, 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), text);
    assert.equal(cache.bodyFor(page, 'gzip').body, gz.body, 'the compressed bytes are reused');
    const br = cache.bodyFor(page, 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), text);
    assert.equal(cache.byteSize, before + gz.body.length + br.body.length);

    const tiny = await cache.get('s', '/tiny', async () => html('ok'));
    assert.deepEqual(cache.bodyFor(tiny, 'br'), { body: tiny.body }, 'tiny bodies are sent as they are');
  });

  test('ETag changes with the content', async () => {
    const cache = new PageCache({ ttlMs: 0, maxEntries: 10, maxBytes: 1e6 });
    const a = await cache.get('s', '/a', async () => html('one'));
    const b = await cache.get('s', '/a', async () => html('one'));
    const c = await cache.get('s', '/a', async () => html('two'));
    assert.equal(a.etag, b.etag);
    assert.notEqual(a.etag, c.etag);
  });
});

describe('content negotiation', () => {
  test('prefers brotli, then gzip, honouring q=0', () => {
    assert.equal(negotiateEncoding(undefined), 'identity');
    assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(negotiateEncoding('gzip, br;q=0'), 'gzip');
    assert.equal(negotiateEncoding('deflate'), 'identity');
    assert.equal(negotiateEncoding('identity, *;q=0'), 'identity');
    assert.equal(negotiateEncoding('*'), 'gzip');
  });
});

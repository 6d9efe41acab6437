import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { absoluteMediaUrl, mediaKeyOfUrl } from './own-media-url.ts';

const key = `${'ab12'.repeat(16)}.jpg`;

describe('media addresses', () => {
  test('an absolute media URL is the base followed by /media/<key>', () => {
    assert.equal(absoluteMediaUrl('https://shop.example.com', key), `https://shop.example.com/media/${key}`);
    assert.equal(absoluteMediaUrl('https://example.com/shop', key), `https://example.com/shop/media/${key}`);
  });

  test('the key is read from a path, an absolute URL on any host, or under a path prefix', () => {
    for (const url of [
      `/media/${key}`,
      `https://shop.example.com/media/${key}`,
      `http://127.0.0.1:3000/media/${key}`,
      `https://example.com/shop/media/${key}`,
      `https://shop.example.com/media/${key}?v=2#top`,
      `HTTPS://SHOP.EXAMPLE.COM/media/${key}`,
    ]) {
      assert.equal(mediaKeyOfUrl(url), key, url);
    }
  });

  test('anything else names no stored file', () => {
    for (const url of [
      `https://cdn.example.com/images/${key}`,
      `https://shop.example.com/media/${key.toUpperCase()}`,
      `https://shop.example.com/media/${key}/extra`,
      `https://shop.example.com/media/${'ab'.repeat(32)}.exe`,
      `https://shop.example.com/media/../${key}`,
      `ftp://shop.example.com/media/${key}`,
      `media/${key}`,
      'https://',
      '',
    ]) {
      assert.equal(mediaKeyOfUrl(url), null, url);
    }
  });
});

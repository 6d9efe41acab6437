import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ImageManifest } from './image-sizes.ts';
import { buildSrcset, responsiveImage } from './srcset.ts';

const key = (letter: string, extension = 'webp') => `${letter.repeat(64)}.${extension}`;

const manifest: ImageManifest = {
  original: { key: key('a', 'jpg'), width: 2400, height: 1600, format: 'jpeg' },
  sizes: [
    { key: key('e'), width: 1600, height: 1067, format: 'webp' },
    { key: key('b'), width: 160, height: 107, format: 'webp' },
    { key: key('c'), width: 480, height: 320, format: 'webp' },
    { key: key('d'), width: 960, height: 640, format: 'webp' },
  ],
};

describe('buildSrcset', () => {
  test('lists every rendition narrowest first with its width, under the prefix', () => {
    assert.equal(
      buildSrcset(manifest, 'https://cdn.example.com/media/'),
      [
        `https://cdn.example.com/media/${key('b')} 160w`,
        `https://cdn.example.com/media/${key('c')} 480w`,
        `https://cdn.example.com/media/${key('d')} 960w`,
        `https://cdn.example.com/media/${key('e')} 1600w`,
      ].join(', '),
    );
  });

  test('takes a function such as storage.publicPath', () => {
    assert.equal(
      buildSrcset({ ...manifest, sizes: manifest.sizes.slice(1, 2) }, (k) => `/s/demo/media/${k}`),
      `/s/demo/media/${key('b')} 160w`,
    );
  });

  test('falls back to the original when there are no renditions', () => {
    assert.equal(buildSrcset({ ...manifest, sizes: [] }, '/media'), `/media/${key('a', 'jpg')} 2400w`);
  });
});

describe('responsiveImage', () => {
  test('src is the widest rendition up to the fallback width, with its size', () => {
    assert.deepEqual(responsiveImage(manifest, '/media', { sizes: '(min-width: 800px) 50vw, 100vw' }), {
      src: `/media/${key('d')}`,
      srcset: buildSrcset(manifest, '/media'),
      sizes: '(min-width: 800px) 50vw, 100vw',
      width: 960,
      height: 640,
    });
    const small = responsiveImage(manifest, '/media', { fallbackWidth: 500 });
    assert.deepEqual([small.src, small.width, small.sizes], [`/media/${key('c')}`, 480, '100vw']);
  });

  test('a fallback narrower than every rendition takes the narrowest', () => {
    const attrs = responsiveImage(manifest, '/media', { fallbackWidth: 100 });
    assert.equal(attrs.src, `/media/${key('b')}`);
  });
});

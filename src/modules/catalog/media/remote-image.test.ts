import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import { fetchRemoteImage, type RemoteImageResult } from './remote-image.ts';

let dataDir: string;
let storage: LocalDiskBlobStorage;
let server: Server;
let origin: string;
let port: number;
let png: Buffer;
let requestCount = 0;

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: Buffer,
) {
  response.writeHead(status, headers);
  response.end(body);
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-remote-image-'));
  storage = new LocalDiskBlobStorage({ dataDir });
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();

  server = createServer((request, response) => {
    requestCount++;
    switch (request.url) {
      case '/photo.png':
        return send(response, 200, { 'content-type': 'image/png', 'content-length': png.length }, png);
      case '/photo-from-a-bucket':
        return send(response, 200, { 'content-type': 'binary/octet-stream' }, png);
      case '/moved':
        return send(response, 301, { location: '/photo.png' });
      case '/loop':
        return send(response, 302, { location: '/loop' });
      case '/missing':
        return send(response, 404, { 'content-type': 'text/html' }, Buffer.from('<h1>Not found</h1>'));
      case '/page':
        return send(
          response,
          200,
          { 'content-type': 'text/html; charset=utf-8' },
          Buffer.from('<html></html>'),
        );
      case '/declared-big':
        return send(response, 200, { 'content-type': 'image/png', 'content-length': 10_000_000 });
      case '/streamed-big': {
        // No content-length: the limit must hold while reading.
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        const chunk = Buffer.alloc(16 * 1024, 0xff);
        for (let i = 0; i < 64; i++) response.write(chunk);
        return response.end();
      }
      case '/never-answers':
        return; // holds the request open
      case '/stalls-mid-body':
        response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
        response.write(png.subarray(0, 10));
        return; // the rest never comes
      case '/corrupt.png':
        return send(response, 200, { 'content-type': 'image/png' }, Buffer.from('definitely not a png'));
      case '/logo.svg':
        return send(
          response,
          200,
          { 'content-type': 'image/svg+xml' },
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><script>alert(1)</script></svg>',
          ),
        );
      default:
        return send(response, 500, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

const local = { allowPrivateAddresses: true, timeoutMs: 5000 };

function failureOf(result: RemoteImageResult) {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  return result as Extract<RemoteImageResult, { ok: false }>;
}

describe('fetchRemoteImage against a local server (private addresses permitted)', () => {
  test('downloads, checks and stores an image', async () => {
    const result = await fetchRemoteImage(`${origin}/photo.png`, { storage, ...local });
    assert.equal(result.ok, true);
    assert.ok(result.ok);
    assert.deepEqual(
      { format: result.format, width: result.width, height: result.height, bytes: result.bytes },
      { format: 'png', width: 64, height: 48, bytes: png.length },
    );
    assert.equal(result.finalUrl, `${origin}/photo.png`);
    const stored = await storage.get(result.key);
    assert.ok(stored);
    assert.equal(stored.contentType, 'image/png');
    stored.stream.destroy();
  });

  test('accepts a generic binary type when the bytes are an image, and follows redirects', async () => {
    const fromBucket = await fetchRemoteImage(`${origin}/photo-from-a-bucket`, { storage, ...local });
    assert.equal(fromBucket.ok && fromBucket.format, 'png');
    const moved = await fetchRemoteImage(`${origin}/moved`, { storage, ...local });
    assert.equal(moved.ok && moved.finalUrl, `${origin}/photo.png`);
    assert.equal(moved.ok && fromBucket.ok && moved.key === fromBucket.key, true, 'same bytes, same key');
  });

  test('reports each kind of failure with its reason, never throwing', async () => {
    const cases: Array<[pathname: string, reason: string, options?: object]> = [
      ['/missing', 'http_status'],
      ['/page', 'not_an_image'],
      ['/declared-big', 'too_large', { maxBytes: 1_000_000 }],
      ['/streamed-big', 'too_large', { maxBytes: 100_000 }],
      ['/loop', 'too_many_redirects', { maxRedirects: 3 }],
      ['/corrupt.png', 'unsupported_image'],
      ['/logo.svg', 'unsupported_image'],
    ];
    for (const [pathname, reason, options] of cases) {
      const failure = failureOf(
        await fetchRemoteImage(`${origin}${pathname}`, { storage, ...local, ...options }),
      );
      assert.equal(failure.reason, reason, pathname);
      assert.ok(failure.message.length > 0);
      assert.ok(!failure.message.includes(origin), 'the message does not repeat the URL');
    }
    const notFound = failureOf(await fetchRemoteImage(`${origin}/missing`, { storage, ...local }));
    assert.equal(notFound.status, 404);
  });

  test('a server that does not answer, or stops mid-body, times out', async () => {
    for (const pathname of ['/never-answers', '/stalls-mid-body']) {
      const failure = failureOf(
        await fetchRemoteImage(`${origin}${pathname}`, {
          storage,
          allowPrivateAddresses: true,
          timeoutMs: 150,
        }),
      );
      assert.equal(failure.reason, 'timeout', pathname);
    }
  });

  test('a closed port is a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = failureOf(
      await fetchRemoteImage(`http://127.0.0.1:${closedPort}/x.png`, { storage, ...local }),
    );
    assert.equal(failure.reason, 'network_error');
  });
});

describe('fetchRemoteImage by default', () => {
  test('refuses loopback and private addresses without sending a request', async () => {
    const before = requestCount;
    const urls = [
      `${origin}/photo.png`,
      `http://localhost:${port}/photo.png`, // a name, refused at the connection's DNS lookup
      `http://[::1]:${port}/photo.png`,
      `http://[::ffff:127.0.0.1]:${port}/photo.png`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/photo.png',
      'http://192.168.1.1/photo.png',
    ];
    for (const url of urls) {
      const failure = failureOf(await fetchRemoteImage(url, { storage, timeoutMs: 2000 }));
      assert.equal(failure.reason, 'private_address', url);
    }
    assert.equal(requestCount, before, 'the local server received nothing');
  });

  test('refuses schemes other than http and https, and malformed URLs', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/a.png',
      'data:image/png;base64,iVBORw0KGgo=',
      'gopher://x',
    ]) {
      assert.equal(failureOf(await fetchRemoteImage(url, { storage })).reason, 'unsupported_scheme', url);
    }
    assert.equal(failureOf(await fetchRemoteImage('not a url', { storage })).reason, 'invalid_url');
    assert.equal(failureOf(await fetchRemoteImage('', { storage })).reason, 'invalid_url');
  });
});

import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  isPublicAddress,
  PRIVATE_ADDRESS_ERROR_CODE,
  publicAddressLookup,
  unbracketHost,
} from '../../../platform/network/public-address.ts';
import { type ImageFormat, imageContentTypes, inspectImage } from './inspect-image.ts';

export interface FetchRemoteImageOptions {
  storage: BlobStorage;
  /** For the whole download: connecting, redirects and the body (default 15 s). */
  timeoutMs?: number;
  /** Largest file accepted (default 20 MB). */
  maxBytes?: number;
  /** Redirects followed, each one checked like the first URL (default 5). */
  maxRedirects?: number;
  maxPixels?: number;
  /**
   * Lets the download reach loopback and private addresses. Only for tests against a local server:
   * in production it would let anyone who can import a CSV read the store's internal network.
   */
  allowPrivateAddresses?: boolean;
}

export type RemoteImageFailureReason =
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'private_address'
  | 'unresolvable_host'
  | 'network_error'
  | 'timeout'
  | 'too_many_redirects'
  | 'http_status'
  | 'not_an_image'
  | 'too_large'
  | 'unsupported_image'
  | 'corrupt_image'
  | 'image_too_large';

export type RemoteImageResult =
  | {
      ok: true;
      /** The downloaded bytes as stored (a BlobStorage key); `generateImageSizes` makes what gets published. */
      key: string;
      format: ImageFormat;
      width: number;
      height: number;
      bytes: number;
      /** Where the image was in the end, after redirects. */
      finalUrl: string;
    }
  | {
      ok: false;
      reason: RemoteImageFailureReason;
      /** For the import report; never contains the URL (which may carry a token). */
      message: string;
      /** The answer's HTTP status, for `http_status`. */
      status?: number;
    };

type Failure = Extract<RemoteImageResult, { ok: false }>;

const fail = (reason: RemoteImageFailureReason, message: string, status?: number): Failure =>
  status === undefined ? { ok: false, reason, message } : { ok: false, reason, message, status };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Generic binary types that servers (S3's default among them) send for images; the bytes decide. */
const GENERIC_BINARY_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

/**
 * Downloads an image named by URL (CSV imports) and stores it. Never throws for anything the URL or
 * the remote server does: every failure is a result with a reason, so one bad row cannot stop an
 * import. Only http(s) URLs on public addresses are fetched, and the address check runs on the DNS
 * lookup the connection itself uses, so a host name that changes its answer between check and
 * connect (DNS rebinding) is refused too. That is why this uses node:http(s) and not fetch, whose
 * connections cannot be given a lookup without a separate HTTP client library.
 */
export async function fetchRemoteImage(
  url: string,
  options: FetchRemoteImageOptions,
): Promise<RemoteImageResult> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  // Our own timer rather than AbortSignal.timeout(), which does not fire reliably on Node 20.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let downloaded: Downloaded | Failure;
  try {
    downloaded = await download(url, options, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) return fail('timeout', `No complete answer within ${timeoutMs} ms.`);
    return connectionFailure(err);
  } finally {
    clearTimeout(timer);
  }
  // Outside the catch above: a failing disk is this server's problem and is thrown, not reported.
  return downloaded.ok ? storeImage(downloaded, options) : downloaded;
}

interface Downloaded {
  ok: true;
  body: Buffer;
  finalUrl: URL;
}

async function download(
  url: string,
  options: FetchRemoteImageOptions,
  signal: AbortSignal,
): Promise<Downloaded | Failure> {
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return fail('invalid_url', 'Not a valid URL.');
  }
  for (let redirects = 0; ; redirects++) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return fail('unsupported_scheme', 'Only http and https image URLs can be downloaded.');
    }
    const host = unbracketHost(target.hostname);
    if (!options.allowPrivateAddresses && isIP(host) !== 0 && !isPublicAddress(host)) {
      return fail('private_address', 'The address is not on the public internet.');
    }
    const response = await get(target, signal, !options.allowPrivateAddresses);
    const status = response.statusCode ?? 0;
    if (REDIRECT_STATUSES.has(status) && response.headers.location) {
      response.resume();
      if (redirects >= maxRedirects)
        return fail('too_many_redirects', `More than ${maxRedirects} redirects.`);
      try {
        target = new URL(response.headers.location, target);
      } catch {
        return fail('invalid_url', 'The server redirected to an invalid URL.');
      }
      continue;
    }
    if (status !== 200) {
      response.resume();
      return fail('http_status', `The server answered ${status}.`, status);
    }
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType && !contentType.startsWith('image/') && !GENERIC_BINARY_TYPES.has(contentType)) {
      response.destroy();
      return fail('not_an_image', `The server sent ${contentType}, not an image.`);
    }
    const declaredLength = Number(response.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      response.destroy();
      return fail('too_large', `The image is larger than ${maxBytes} bytes.`);
    }
    const body = await readBody(response, maxBytes);
    if (!body) return fail('too_large', `The image is larger than ${maxBytes} bytes.`);
    return { ok: true, body, finalUrl: target };
  }
}

async function storeImage(
  { body, finalUrl }: Downloaded,
  options: FetchRemoteImageOptions,
): Promise<RemoteImageResult> {
  let info: Awaited<ReturnType<typeof inspectImage>>;
  try {
    info = await inspectImage(body, { maxPixels: options.maxPixels });
  } catch (err) {
    if (err instanceof AppError) {
      const reason = err.code as 'unsupported_image' | 'corrupt_image' | 'image_too_large';
      return fail(reason, err.message);
    }
    throw err;
  }
  // Stored only once it is known to be an image, so no junk lands in (deduplicated, shared) storage.
  const stored = await options.storage.put(body, { contentType: imageContentTypes[info.format] });
  return {
    ok: true,
    key: stored.key,
    format: info.format,
    width: info.width,
    height: info.height,
    bytes: body.length,
    finalUrl: finalUrl.href,
  };
}

function get(url: URL, signal: AbortSignal, publicOnly: boolean): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        signal,
        lookup: publicOnly ? publicAddressLookup : undefined,
        // A connection of its own: a pooled socket may have been opened under other rules.
        agent: false,
        headers: {
          accept: 'image/*',
          'accept-encoding': 'identity',
          'user-agent': 'Storepilot image import',
        },
      },
      resolve,
    );
    request.on('error', reject);
  });
}

/** The body, or null as soon as it grows past `maxBytes` (the rest is never read). */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function connectionFailure(err: unknown): Failure {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === PRIVATE_ADDRESS_ERROR_CODE) {
    return fail('private_address', 'The host name resolves to a non-public address.');
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') {
    return fail('unresolvable_host', 'The host name could not be resolved.');
  }
  return fail('network_error', `Could not download the image (${code ?? 'connection failed'}).`);
}

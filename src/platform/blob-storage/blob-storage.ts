import type { Readable } from 'node:stream';
import { AppError, badRequest } from '../errors.ts';

/**
 * Where uploaded and generated files (product images, later exports) live. Content is addressed by
 * its SHA-256: the key is `<64 hex digits>.<extension>`, so identical bytes stored twice are one
 * blob, a key never changes meaning, and anything served by key may be cached forever
 * (`Cache-Control: public, max-age=31536000, immutable`).
 *
 * The interface is deliberately what an object store offers too, so an S3-compatible
 * implementation can replace the local disk without touching callers:
 * - keys are opaque, flat strings; how they map to files or object names is the implementation's
 *   business (the disk shards them into folders, a bucket could prefix them);
 * - `put` takes a stream of unknown length and only returns the key once the content is complete
 *   and durable (an object store would upload to a temporary name, hash while streaming, then
 *   copy to the final name, or use the hash as a checksum on a multipart upload);
 * - `publicPath` may return a path on this server or an absolute URL on a CDN or bucket;
 * - nothing assumes a local path or a file descriptor.
 *
 * Because identical content is shared, `delete` removes it for every owner: callers that reference
 * keys from several places must know a key is unused before deleting it. A sweep of unused content
 * lists the blobs and spares recent ones (`storedAt`): a key is stored before the row naming it
 * commits, and storing content that is already there counts as storing it again, so content someone
 * has just stored (again) is never taken for unused.
 */
export interface BlobStorage {
  /**
   * Stores the content and returns its key; the same bytes and type always give the same key.
   * Content already stored is kept, and its `storedAt` becomes now.
   */
  put(body: BlobBody, options: PutBlobOptions): Promise<StoredBlob>;
  /** The content as a stream (consume or destroy it), or null when no blob has that key. */
  get(key: string): Promise<BlobContent | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; false when there was none. */
  delete(key: string): Promise<boolean>;
  /** Where a browser fetches the blob: a path on this server (`/media/<key>`) or an absolute URL. */
  publicPath(key: string): string;
  /**
   * Every stored blob, in no particular order, read as it goes (an object store lists a bucket page by
   * page); only complete blobs, never uploads in progress. Blobs stored or deleted while the listing
   * runs may or may not appear.
   */
  list(): AsyncIterable<ListedBlob>;
}

export interface ListedBlob {
  key: string;
  size: number;
  /** When the content was last stored (`put`), which is an object store's last-modified time. */
  storedAt: Date;
}

export type BlobBody = Readable | Uint8Array | AsyncIterable<Uint8Array>;

export interface PutBlobOptions {
  /** One of `blobContentTypes`; decides the key's extension and the type the blob is served with. */
  contentType: string;
  /** Refuse (413 `file_too_large`) and keep nothing when the content is longer than this. */
  maxBytes?: number;
}

export interface StoredBlob {
  key: string;
  size: number;
  contentType: string;
  /** False when identical content was already stored under this key. */
  created: boolean;
}

export interface BlobContent {
  stream: Readable;
  size: number;
  contentType: string;
}

/** Content types a blob may have, with the extension its key ends in. */
export const blobContentTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/json': 'json',
  // Uploads whose real type is only known after inspection.
  'application/octet-stream': 'bin',
} as const satisfies Record<string, string>;

export type BlobContentType = keyof typeof blobContentTypes;

const contentTypeByExtension = new Map<string, BlobContentType>(
  Object.entries(blobContentTypes).map(([type, extension]) => [extension, type as BlobContentType]),
);

const blobKeyPattern = /^[0-9a-f]{64}\.([a-z0-9]{2,5})$/;

/** True for a well-formed key: lowercase SHA-256 hex, a dot, and a known extension. Nothing else can name a blob. */
export function isBlobKey(key: string): boolean {
  const match = blobKeyPattern.exec(key);
  return match !== null && contentTypeByExtension.has(match[1]!);
}

/** The key's content type; throws 400 `invalid_blob_key` for anything that is not a well-formed key. */
export function contentTypeOfBlobKey(key: string): BlobContentType {
  const match = blobKeyPattern.exec(key);
  const contentType = match ? contentTypeByExtension.get(match[1]!) : undefined;
  if (!contentType) throw badRequest('invalid_blob_key', 'Not a valid file key.', { key: key.slice(0, 100) });
  return contentType;
}

/** The normalised content type and the key extension for it; throws 415 `unsupported_media_type` for an unknown type. */
export function acceptedBlobType(contentType: string): { contentType: BlobContentType; extension: string } {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (Object.hasOwn(blobContentTypes, type)) {
    return { contentType: type as BlobContentType, extension: blobContentTypes[type as BlobContentType] };
  }
  throw new AppError(415, 'unsupported_media_type', `Files of type ${type || '(none)'} are not accepted.`, {
    contentType: type,
  });
}

export function blobKey(sha256Hex: string, extension: string): string {
  return `${sha256Hex}.${extension}`;
}

export function fileTooLarge(maxBytes: number): AppError {
  return new AppError(413, 'file_too_large', `The file is larger than ${maxBytes} bytes.`, { maxBytes });
}

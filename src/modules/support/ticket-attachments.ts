import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import {
  type BlobContent,
  type BlobContentType,
  type BlobStorage,
  blobContentTypes,
} from '../../platform/blob-storage/blob-storage.ts';
import { LocalDiskBlobStorage } from '../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { supportAttachments } from './schema.ts';

/** Largest attachment kept (per file); a message with a larger one is refused whole. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The blob type an attachment is stored as: its own when blob storage knows it (images, PDF,
 * CSV, JSON), else application/octet-stream, so nothing a customer sends is ever served back as
 * HTML. The row keeps the type the sender gave, for display.
 */
export function storedTypeOf(contentType: string): BlobContentType {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return Object.hasOwn(blobContentTypes, type) ? (type as BlobContentType) : 'application/octet-stream';
}

/** A file name safe to show and to put in Content-Disposition: no paths, no control characters. */
export function safeFilename(name: string | undefined | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .slice(0, 200);
  return clean || 'attachment';
}

export async function readAttachment(
  db: Db,
  storage: BlobStorage,
  storeId: string,
  attachmentId: string,
): Promise<{ filename: string; contentType: string; content: BlobContent }> {
  const [row] = await db
    .select()
    .from(supportAttachments)
    .where(and(eq(supportAttachments.storeId, storeId), eq(supportAttachments.id, attachmentId)));
  const content = row ? await storage.get(row.blobKey) : null;
  if (!row || !content) throw notFound('Attachment', { id: attachmentId });
  return { filename: row.filename, contentType: content.contentType, content };
}

/** Where inbound attachments live by default: `<dataDir>/support-attachments/media`, apart from product media. */
export function supportAttachmentStorage(dataDir: string): BlobStorage {
  return new LocalDiskBlobStorage({ dataDir: path.join(dataDir, 'support-attachments') });
}

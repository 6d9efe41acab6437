import type { FastifyRequest } from 'fastify';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { CatalogFormat } from '../interchange/index.ts';

export const importFormats = ['auto', 'shopify', 'woocommerce', 'storepilot'] as const;
export type ImportFormat = CatalogFormat | 'auto';

export interface ReceivedImportUpload {
  fileKey: string;
  fileName: string;
  size: number;
  /** Whether this upload stored new bytes (false: identical content was already stored). */
  created: boolean;
  format: ImportFormat;
}

/** Busboy limits for the upload route: one file, a few small fields. */
export function importUploadLimits(maxBytes: number) {
  // One byte over the limit reaches the storage, which refuses it with 413 file_too_large.
  return { fileSize: maxBytes + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 50 };
}

/** A name to show for the upload: no folders, no control characters, not endless. */
function displayName(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'products.csv';
}

function parseFormat(value: unknown): ImportFormat {
  if (typeof value === 'string' && (importFormats as readonly string[]).includes(value))
    return value as ImportFormat;
  throw badRequest('unknown_format', `The format must be one of ${importFormats.join(', ')}.`, {
    format: typeof value === 'string' ? value.slice(0, 50) : null,
    allowed: importFormats,
  });
}

/** What went wrong reading the multipart body, in the error model; null for our own or I/O failures. */
function uploadError(err: unknown, maxBytes: number): AppError | null {
  if (err instanceof AppError) return err;
  if (!(err instanceof Error) || 'syscall' in err) return null;
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'file_too_large', `The file is larger than ${maxBytes} bytes.`, { maxBytes });
    case 'FST_FILES_LIMIT':
      return badRequest('one_file_only', 'Upload one file at a time.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest('unexpected_field', 'Send only the fields "file" and "format".');
    case 'FST_MP_PREMATURE_CLOSE':
      return badRequest('upload_interrupted', 'The upload stopped before the file was complete.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return multipartRequired();
  }
  // Busboy reports a malformed body with plain errors ("Unexpected end of form", "Malformed part header").
  return badRequest('malformed_upload', 'The upload is not a well-formed multipart/form-data body.');
}

const multipartRequired = () =>
  new AppError(
    415,
    'multipart_required',
    'Upload the CSV as multipart/form-data with a "file" field (and optionally "format").',
  );

/**
 * Streams a multipart upload's "file" part into blob storage (never the whole file in memory) and
 * reads the "format" field, which may come before or after the file. Anything unexpected is a 4xx;
 * a file stored before a later field turned out wrong is removed again.
 */
export async function receiveImportUpload(
  request: FastifyRequest,
  storage: BlobStorage,
  maxBytes: number,
): Promise<ReceivedImportUpload> {
  if (!request.isMultipart()) throw multipartRequired();
  let stored: { key: string; size: number; created: boolean; name: string } | undefined;
  let format: ImportFormat = 'auto';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest('unexpected_field', `Unexpected file field "${part.fieldname.slice(0, 50)}".`);
        }
        const blob = await storage.put(part.file, { contentType: 'text/csv', maxBytes });
        stored = { key: blob.key, size: blob.size, created: blob.created, name: displayName(part.filename) };
      } else if (part.fieldname === 'format') {
        format = parseFormat(part.value);
      } else {
        throw badRequest('unexpected_field', `Unexpected field "${part.fieldname.slice(0, 50)}".`);
      }
    }
  } catch (err) {
    if (stored?.created) await storage.delete(stored.key);
    throw uploadError(err, maxBytes) ?? err;
  }
  if (!stored) throw badRequest('file_required', 'Choose a CSV file to upload (field "file").');
  return { fileKey: stored.key, fileName: stored.name, size: stored.size, created: stored.created, format };
}

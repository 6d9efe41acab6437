import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import { fileTooLarge } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { localeTagSchema, storeLocales, storeOf } from '../../access/index.ts';
import type { CatalogWriter } from '../products.ts';
import { mediaPath } from './image-source.ts';
import {
  deleteProductImage,
  type GalleryChange,
  type GalleryImage,
  type GalleryStore,
  MAX_ALT_CHARS,
  MAX_IMAGES_PER_PRODUCT,
  MAX_UPLOAD_BYTES,
  productGallery,
  reorderProductImages,
  updateProductImage,
  uploadProductImage,
} from './product-images.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const productParams = storeParams.extend({ productId: z.string().min(1).max(64) });
const imageParams = productParams.extend({ imageId: z.string().min(1).max(64) });

const uploadFields = z.object({ alt: z.string().max(MAX_ALT_CHARS).optional() });

function writer(request: FastifyRequest): CatalogWriter {
  const { actor, permissions } = storeOf(request);
  return { actor, canPublish: permissions.has('catalog:publish') };
}

function galleryStore(request: FastifyRequest): GalleryStore {
  const { store } = storeOf(request);
  return { id: store.id, locale: store.locale, locales: storeLocales(store) };
}

/** An image as the API shows it: every size with its URL, and the `srcset` for an `<img>`. */
function imageView(image: GalleryImage) {
  const sizes = image.sizes.map(({ width, height, key }) => ({ width, height, url: mediaPath(key) }));
  return {
    ...image,
    sizes,
    srcset: sizes.map((size) => `${size.url} ${size.width}w`).join(', ') || null,
  };
}

/**
 * A gallery change as answered: 200 (201 for an upload) when the gallery changed; 202 with
 * `staged: true`, the gallery the product's staged revision now proposes and that revision, when the
 * change waits for review (someone without catalog:publish changing a live product). A change to a
 * product that is not live names the review under way in `revision`; `reviewReset` is true when the
 * change sent what was in review or approved back to draft (it must be submitted again).
 */
function changeView(change: GalleryChange) {
  return {
    staged: change.staged,
    image: change.image ? imageView(change.image) : null,
    images: change.images.map(imageView),
    revision: change.revision,
    reviewReset: change.reviewReset,
  };
}

/** The one file and the text fields of an upload, with the limits turned into the error model. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; alt?: string }> {
  if (!request.isMultipart()) {
    throw new AppError(
      415,
      'multipart_required',
      'Send the image as multipart/form-data, in a field named "file".',
    );
  }
  let bytes: Buffer | undefined;
  const fields: Record<string, string> = {};
  try {
    const parts = request.parts({
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 4 * 1024, parts: 11 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') bytes = content;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(MAX_UPLOAD_BYTES);
    if (code === 'FST_FILES_LIMIT') throw badRequest('one_file_only', 'Upload one image per request.');
    if (err instanceof AppError) throw err;
    // Anything else the parser trips over is a malformed request body.
    throw badRequest('invalid_multipart', 'The multipart body could not be read.');
  }
  if (!bytes || bytes.length === 0) {
    throw badRequest('file_required', 'Attach the image in a field named "file".');
  }
  const { alt } = uploadFields.parse(fields);
  return { bytes, ...(alt !== undefined ? { alt } : {}) };
}

/** A product's gallery, under /api/admin/stores/:store/products/:productId/images. */
export async function productImageRoutes(
  app: FastifyInstance,
  { db, storage }: { db: Db; storage: BlobStorage },
) {
  // Multipart parsing only for the routes of this plugin; the rest of the API takes JSON alone.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/products/:productId/images',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: "A product's images in order, with sizes, alt text per locale and variant links",
        params: productParams,
      },
    },
    async (request) => {
      const store = galleryStore(request);
      const { images, staged } = await productGallery(db, store, request.params.productId);
      return {
        images: images.map(imageView),
        // The locales alt text can be written in, the default (kept on the image itself) first.
        locales: store.locales,
        // The gallery the open staged revision proposes (what goes live once it is published).
        staged: staged ? { revision: staged.revision, images: staged.images.map(imageView) } : null,
      };
    },
  );

  r.post(
    '/products/:productId/images',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: `Upload an image (multipart/form-data: "file", optional "alt"; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, JPEG, PNG, WebP, GIF or AVIF). Without catalog:publish, adding it to a live product is staged for review (202)`,
        params: productParams,
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const change = await uploadProductImage(
        db,
        storage,
        writer(request),
        galleryStore(request),
        request.params.productId,
        upload,
      );
      return reply.status(change.staged ? 202 : 201).send(changeView(change));
    },
  );

  r.patch(
    '/products/:productId/images/:imageId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'Change an image: alt text in a locale (default locale when none is given), the variants showing it',
        params: imageParams,
        body: z
          .object({
            alt: z.string().max(MAX_ALT_CHARS).nullable().optional(),
            locale: localeTagSchema.optional(),
            variantIds: z.array(z.string().min(1).max(64)).max(100).optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { params, body } = request;
      const change = await updateProductImage(
        db,
        writer(request),
        galleryStore(request),
        params.productId,
        params.imageId,
        body,
      );
      return reply.status(change.staged ? 202 : 200).send(changeView(change));
    },
  );

  r.put(
    '/products/:productId/images/order',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Reorder the images: list every image id of the product once, first image first',
        params: productParams,
        body: z.object({ imageIds: z.array(z.string().min(1).max(64)).max(MAX_IMAGES_PER_PRODUCT) }).strict(),
      },
    },
    async (request, reply) => {
      const change = await reorderProductImages(
        db,
        writer(request),
        galleryStore(request),
        request.params.productId,
        request.body.imageIds,
      );
      return reply.status(change.staged ? 202 : 200).send(changeView(change));
    },
  );

  r.delete(
    '/products/:productId/images/:imageId',
    {
      config: { permission: 'catalog:write' },
      schema: { tags: ['catalog'], summary: 'Remove an image from the product', params: imageParams },
    },
    async (request, reply) => {
      const change = await deleteProductImage(
        db,
        writer(request),
        galleryStore(request),
        request.params.productId,
        request.params.imageId,
      );
      return reply.status(change.staged ? 202 : 200).send(changeView(change));
    },
  );
}

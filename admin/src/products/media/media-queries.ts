import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import { notifyReviewReset } from '../workflow/review-reset-notice.ts';
import type { Gallery, GalleryChangeAnswer } from './media-types.ts';

const imagesPath = (store: string, productId: string, rest = '') =>
  storeApiPath(store, `/products/${encodeURIComponent(productId)}/images${rest}`);

export const galleryQuery = (store: string, productId: string) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'one', productId, 'images'],
    queryFn: () => api.get<Gallery>(imagesPath(store, productId)),
  });

/**
 * After a gallery change: the gallery takes the server's answer at once (the live gallery, or the
 * staged one when the change waits for review), and the product (its first image, change time), its
 * workflow (the reviewer's diff), lists and SEO findings are fetched again. Images are part of what
 * the reviewer approves: a change that sent the review back to draft says so, whichever change it was.
 */
function useGalleryUpdate(store: string, productId: string) {
  const queryClient = useQueryClient();
  const key = galleryQuery(store, productId).queryKey;
  return (answer: GalleryChangeAnswer) => {
    if (answer.reviewReset) notifyReviewReset();
    queryClient.setQueryData(key, (current) => {
      const base: Gallery = current ?? { images: [], locales: [], staged: null };
      if (!answer.staged) return { ...base, images: answer.images };
      return {
        ...base,
        staged: answer.revision ? { revision: answer.revision, images: answer.images } : null,
      };
    });
    void queryClient.invalidateQueries({
      queryKey: ['stores', store, 'products', 'one', productId],
      exact: true,
    });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products', 'workflow', productId] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'seo'] });
  };
}

export function useUploadImage(store: string, productId: string) {
  const update = useGalleryUpdate(store, productId);
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<GalleryChangeAnswer>(imagesPath(store, productId), form);
    },
    onSuccess: update,
  });
}

export interface ImageChanges {
  alt?: string | null;
  locale?: string;
  variantIds?: string[];
}

export function useUpdateImage(store: string, productId: string) {
  const update = useGalleryUpdate(store, productId);
  return useMutation({
    mutationFn: ({ imageId, changes }: { imageId: string; changes: ImageChanges }) =>
      api.patch<GalleryChangeAnswer>(
        imagesPath(store, productId, `/${encodeURIComponent(imageId)}`),
        changes,
      ),
    onSuccess: update,
  });
}

export function useReorderImages(store: string, productId: string) {
  const update = useGalleryUpdate(store, productId);
  const queryClient = useQueryClient();
  const key = galleryQuery(store, productId).queryKey;
  return useMutation({
    mutationFn: (imageIds: string[]) =>
      api.put<GalleryChangeAnswer>(imagesPath(store, productId, '/order'), { imageIds }),
    // The new order shows at once (in the gallery the ids name: live or staged); the server's answer
    // (or the old order, on failure) replaces it.
    onMutate: (imageIds) => {
      const before = queryClient.getQueryData(key);
      if (before) {
        const reorder = (images: Gallery['images']) => {
          const byId = new Map(images.map((image) => [image.id, image]));
          return imageIds.every((id) => byId.has(id))
            ? imageIds.map((id, index) => ({ ...byId.get(id)!, position: index + 1 }))
            : images;
        };
        queryClient.setQueryData(key, {
          ...before,
          images: reorder(before.images),
          staged: before.staged && { ...before.staged, images: reorder(before.staged.images) },
        });
      }
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSuccess: update,
  });
}

export function useDeleteImage(store: string, productId: string) {
  const update = useGalleryUpdate(store, productId);
  return useMutation({
    mutationFn: (imageId: string) =>
      apiRequest<GalleryChangeAnswer>(
        'DELETE',
        imagesPath(store, productId, `/${encodeURIComponent(imageId)}`),
      ),
    onSuccess: update,
  });
}

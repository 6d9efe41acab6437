import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import type { GalleryImage } from './media-types.ts';

const imagesPath = (store: string, productId: string, rest = '') =>
  storeApiPath(store, `/products/${encodeURIComponent(productId)}/images${rest}`);

export const galleryQuery = (store: string, productId: string) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'one', productId, 'images'],
    queryFn: () => api.get<{ images: GalleryImage[]; locales: string[] }>(imagesPath(store, productId)),
  });

/**
 * After a gallery change: the gallery takes the server's answer at once, and the product (its first
 * image, change time), lists and SEO findings are fetched again.
 */
function useGalleryUpdate(store: string, productId: string) {
  const queryClient = useQueryClient();
  const key = galleryQuery(store, productId).queryKey;
  return (images: GalleryImage[]) => {
    queryClient.setQueryData(key, (current) => ({ locales: current?.locales ?? [], images }));
    void queryClient.invalidateQueries({
      queryKey: ['stores', store, 'products', 'one', productId],
      exact: true,
    });
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
      return (
        await api.post<{ image: GalleryImage; images: GalleryImage[] }>(imagesPath(store, productId), form)
      ).images;
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
    mutationFn: async ({ imageId, changes }: { imageId: string; changes: ImageChanges }) =>
      (
        await api.patch<{ images: GalleryImage[] }>(
          imagesPath(store, productId, `/${encodeURIComponent(imageId)}`),
          changes,
        )
      ).images,
    onSuccess: update,
  });
}

export function useReorderImages(store: string, productId: string) {
  const update = useGalleryUpdate(store, productId);
  const queryClient = useQueryClient();
  const key = galleryQuery(store, productId).queryKey;
  return useMutation({
    mutationFn: async (imageIds: string[]) =>
      (await api.put<{ images: GalleryImage[] }>(imagesPath(store, productId, '/order'), { imageIds }))
        .images,
    // The new order shows at once; the server's answer (or the old order, on failure) replaces it.
    onMutate: (imageIds) => {
      const before = queryClient.getQueryData(key);
      if (before) {
        const byId = new Map(before.images.map((image) => [image.id, image]));
        queryClient.setQueryData(key, {
          ...before,
          images: imageIds.map((id, index) => ({ ...byId.get(id)!, position: index + 1 })),
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
    mutationFn: async (imageId: string) =>
      (
        await apiRequest<{ images: GalleryImage[] }>(
          'DELETE',
          imagesPath(store, productId, `/${encodeURIComponent(imageId)}`),
        )
      ).images,
    onSuccess: update,
  });
}

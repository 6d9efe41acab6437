import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import type {
  MissingTranslations,
  ProductTranslation,
  TranslationInput,
  TranslationSaveAnswer,
  TranslationStatus,
} from './translation-types.ts';

const translationsPath = (store: string, productId: string, locale?: string) =>
  storeApiPath(
    store,
    `/products/${encodeURIComponent(productId)}/translations${locale ? `/${encodeURIComponent(locale)}` : ''}`,
  );

export const translationStatusQuery = (store: string, productId: string) =>
  queryOptions({
    queryKey: ['stores', store, 'translations', 'status', productId],
    queryFn: () => api.get<TranslationStatus>(translationsPath(store, productId)),
  });

export const productTranslationQuery = (store: string, productId: string, locale: string) =>
  queryOptions({
    queryKey: ['stores', store, 'translations', 'one', productId, locale],
    queryFn: async () =>
      (await api.get<{ translation: ProductTranslation }>(translationsPath(store, productId, locale)))
        .translation,
  });

export const missingTranslationsQuery = (
  store: string,
  filter: { locale?: string; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: ['stores', store, 'translations', 'missing', filter],
    queryFn: () =>
      api.get<MissingTranslations>(storeApiPath(store, '/products/missing-translations'), { ...filter }),
    placeholderData: keepPreviousData,
  });

/**
 * Saves a locale. Applied, the answer is the live translation; staged for review (a live product,
 * no publish permission), it is the staged one, and the live text stays as it was.
 */
export function useSaveTranslation(store: string, productId: string, locale: string) {
  const queryClient = useQueryClient();
  const key = productTranslationQuery(store, productId, locale).queryKey;
  return useMutation({
    mutationFn: (input: TranslationInput) =>
      api.put<TranslationSaveAnswer>(translationsPath(store, productId, locale), input),
    onSuccess: (answer) => {
      queryClient.setQueryData(key, (current) =>
        answer.staged
          ? current && {
              ...current,
              staged: answer.revision ? { ...answer.translation, revision: answer.revision } : null,
            }
          : { ...answer.translation, staged: current?.staged ?? null },
      );
      void queryClient.invalidateQueries({ queryKey: translationStatusQuery(store, productId).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'translations', 'missing'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products', 'workflow', productId] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}

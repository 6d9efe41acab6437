import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  MailTemplate,
  RenderedMail,
  TemplateKey,
  TemplateList,
  TemplateText,
} from './email-template-types.ts';

const templatesKey = (store: string) => ['stores', store, 'mail-templates'] as const;

const templatePath = (store: string, key: TemplateKey, locale: string, rest = '') =>
  storeApiPath(store, `/mail-templates/${key}/${encodeURIComponent(locale)}${rest}`);

export const templateListQuery = (store: string) =>
  queryOptions({
    queryKey: [...templatesKey(store), 'list'],
    queryFn: () => api.get<TemplateList>(storeApiPath(store, '/mail-templates')),
  });

export const templateQuery = (store: string, key: TemplateKey, locale: string) =>
  queryOptions({
    queryKey: [...templatesKey(store), 'template', key, locale],
    queryFn: async () =>
      (await api.get<{ template: MailTemplate }>(templatePath(store, key, locale))).template,
  });

/**
 * The e-mail as it would be received with the example variables, for the editor's text (sent as it
 * is typed, after a pause). The previous rendering stays on screen while the next one comes.
 */
export const previewQuery = (store: string, key: TemplateKey, locale: string, text: TemplateText) =>
  queryOptions({
    queryKey: [...templatesKey(store), 'preview', key, locale, text],
    queryFn: () => api.post<RenderedMail>(templatePath(store, key, locale, '/preview'), text),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });

/** After a save or a reset: the list's "customised" marks, the template, the audit log. */
function useTemplatesRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: templatesKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useSaveTemplate(store: string, key: TemplateKey, locale: string) {
  const refresh = useTemplatesRefresh(store);
  return useMutation({
    mutationFn: async (text: TemplateText) =>
      (await api.put<{ template: MailTemplate }>(templatePath(store, key, locale), text)).template,
    onSuccess: refresh,
  });
}

export function useResetTemplate(store: string, key: TemplateKey, locale: string) {
  const refresh = useTemplatesRefresh(store);
  return useMutation({
    mutationFn: () => api.delete(templatePath(store, key, locale)),
    onSuccess: refresh,
  });
}

/** Sends the editor's text, with the example variables, to the signed-in member. */
export function useSendTestMail(store: string, key: TemplateKey, locale: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: TemplateText) =>
      api.post<{ messageId: string; to: string }>(templatePath(store, key, locale, '/test'), text),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'mail'] });
    },
  });
}

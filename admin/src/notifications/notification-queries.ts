import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export interface NotificationItem {
  id: string;
  topic: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  body: string;
  /** An admin path (with the /admin base) of the screen that deals with it. */
  link: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Newer than this reader's "seen" cursor. */
  unread: boolean;
}

export interface NotificationList {
  items: NotificationItem[];
  total: number;
  /** Open notifications newer than the reader's cursor: the bell's badge. */
  unread: number;
}

const notificationsKey = (store: string) => ['stores', store, 'notifications'] as const;

/** How often the bell asks again; alerts come from background work, so nothing pushes them. */
const pollMs = 60_000;

export const openNotificationsQuery = (store: string) =>
  queryOptions({
    queryKey: [...notificationsKey(store), 'open'],
    queryFn: () =>
      api.get<NotificationList>(storeApiPath(store, '/notifications'), { state: 'open', limit: 20 }),
    refetchInterval: pollMs,
  });

export function useMarkNotificationsSeen(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(storeApiPath(store, '/notifications/seen'), {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey(store) }),
  });
}

export function useDismissNotification(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post(storeApiPath(store, `/notifications/${encodeURIComponent(id)}/dismiss`), {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey(store) }),
  });
}

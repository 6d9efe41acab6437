import {
  ActionIcon,
  Anchor,
  Box,
  CloseButton,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDateTime } from '../ui/format-date.ts';
import { IconBell } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.ts';
import {
  type NotificationItem,
  openNotificationsQuery,
  useDismissNotification,
  useMarkNotificationsSeen,
} from './notification-queries.ts';

const severityColor: Record<string, string> = { critical: 'red', warning: 'orange', info: 'blue' };

/**
 * The header's bell: how many open notifications came since you last looked, and the open ones in
 * a popover. Opening it marks everything seen; dismissing closes one for the whole team.
 */
export function NotificationBell({ store }: { store: string }) {
  const [opened, setOpened] = useState(false);
  const notifications = useQuery(openNotificationsQuery(store));
  const markSeen = useMarkNotificationsSeen(store);
  const dismiss = useDismissNotification(store);
  const router = useRouter();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const toggle = () => {
    const next = !opened;
    setOpened(next);
    if (next && unread > 0) markSeen.mutate();
  };
  // The link is a full admin path (with the /admin base), so it goes to the history as it is.
  const follow = (item: NotificationItem) => {
    if (!item.link) return;
    setOpened(false);
    router.history.push(item.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          disabled={unread === 0}
          color="red"
          offset={4}
          data-testid="notification-unread"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label="Notifications" role="dialog">
        <Text
          fw={600}
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          Notifications
        </Text>
        {notifications.isError ? (
          <Text c="red" p="md" size="sm" role="alert">
            {notifications.error.message}
          </Text>
        ) : items.length === 0 ? (
          <Text c="dimmed" p="md" size="sm">
            {notifications.isPending ? 'Loading…' : 'Nothing needs your attention.'}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <Box
                  component="li"
                  key={item.id}
                  px="md"
                  py="sm"
                  style={{
                    borderBottom: '1px solid var(--mantine-color-default-border)',
                    borderLeft: `3px solid var(--mantine-color-${severityColor[item.severity] ?? 'gray'}-6)`,
                  }}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      {item.link ? (
                        <Anchor
                          href={item.link}
                          size="sm"
                          fw={600}
                          onClick={(event) => {
                            event.preventDefault();
                            follow(item);
                          }}
                        >
                          {item.title}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600}>
                          {item.title}
                        </Text>
                      )}
                      <Text size="xs">{item.body}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(item.createdAt)}
                      </Text>
                    </Stack>
                    <CloseButton
                      size="sm"
                      aria-label={`Dismiss “${item.title}”`}
                      disabled={dismiss.isPending}
                      onClick={() => dismiss.mutate(item.id, { onError: (error) => notifyError(error) })}
                    />
                  </Group>
                </Box>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

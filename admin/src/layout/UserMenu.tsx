import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { sessionQuery, useLogout } from '../auth/session-queries.ts';
import { IconLogout, IconStack } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.ts';

function initials(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return email.slice(0, 2).toUpperCase();
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { data: session } = useSuspenseQuery(sessionQuery);
  const logout = useLogout();
  const navigate = useNavigate();
  const { user } = session;

  const signOut = () => {
    logout.mutate(undefined, {
      onError: (error) => notifyError(error, 'Sign-out failed'),
      onSettled: async () => {
        await navigate({ to: '/login', search: {} });
        logout.forgetEverything();
      },
    });
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.name || user.email}`} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size={32} color="indigo">
              {initials(user.name, user.email)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate="end" maw={160}>
              {user.name || user.email}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {user.name || 'Signed in'}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconStack size={16} />} onClick={() => void navigate({ to: '/portfolio' })}>
          Portfolio: all stores
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut} disabled={logout.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

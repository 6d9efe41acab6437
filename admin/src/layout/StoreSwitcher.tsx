import { Badge, Group, Menu, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import type { Permission } from '../api/types.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { NewStoreModal } from '../stores/NewStoreModal.tsx';
import { RoleBadge } from '../stores/RoleBadge.tsx';
import { IconCheck, IconPlus, IconSelector, IconStore } from '../ui/icons.tsx';
import classes from './StoreSwitcher.module.css';

type Section = 'products' | 'team' | 'audit' | 'api-keys';

const sectionPermission: Record<Section, Permission> = {
  products: 'catalog:read',
  team: 'team:read',
  audit: 'audit:read',
  'api-keys': 'apikeys:read',
};

/**
 * The section the user is looking at, so switching stores keeps them on the same kind of page; from
 * anywhere else they land on the other store's home (its briefing), which everyone there can read.
 */
function currentSection(pathname: string): Section | null {
  const match = /\/stores\/[^/]+\/(products|team|audit|api-keys)(?:\/|$)/.exec(pathname);
  return (match?.[1] as Section | undefined) ?? null;
}

export function StoreSwitcher({ currentHandle }: { currentHandle: string }) {
  const { data: session } = useSuspenseQuery(sessionQuery);
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const current = session.stores.find((s) => s.handle === currentHandle);
  const stores = [...session.stores].sort((a, b) => a.name.localeCompare(b.name));

  const switchTo = (handle: string) => {
    if (handle === currentHandle) return;
    const target = session.stores.find((s) => s.handle === handle);
    const wanted = currentSection(pathname);
    if (wanted && target?.permissions.includes(sectionPermission[wanted])) {
      void navigate({ to: `/stores/$store/${wanted}`, params: { store: handle } });
    } else {
      void navigate({ to: '/stores/$store', params: { store: handle } });
    }
  };

  return (
    <>
      <Menu position="bottom-start" width={320} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            className={classes.target}
            aria-label={`Switch store, current store: ${current?.name ?? currentHandle}`}
            data-testid="store-switcher"
          >
            <Group gap="xs" wrap="nowrap">
              <IconStore size={18} />
              <Text fw={600} size="sm" truncate="end" className={classes.name}>
                {current?.name ?? currentHandle}
              </Text>
              {current ? <RoleBadge role={current.role} size="xs" visibleFrom="xs" /> : null}
              <IconSelector size={16} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your stores ({stores.length})</Menu.Label>
          <ScrollArea.Autosize mah={340} type="auto">
            {stores.map((store) => (
              <Menu.Item
                key={store.id}
                onClick={() => switchTo(store.handle)}
                leftSection={
                  store.handle === currentHandle ? <IconCheck size={16} /> : <span style={{ width: 16 }} />
                }
                rightSection={<RoleBadge role={store.role} size="xs" />}
                aria-current={store.handle === currentHandle ? 'true' : undefined}
              >
                <Text size="sm" fw={500} truncate="end">
                  {store.name}
                </Text>
                <Group gap={6}>
                  <Text size="xs" c="dimmed" truncate="end">
                    {store.handle}
                  </Text>
                  <Badge size="xs" variant="outline" color="gray">
                    {store.baseCurrency}
                  </Badge>
                </Group>
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={openCreate}>
            New store
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <NewStoreModal opened={creating} onClose={closeCreate} />
    </>
  );
}

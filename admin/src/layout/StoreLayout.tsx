import { AppShell, Badge, Burger, Divider, Group, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Outlet, useMatchRoute } from '@tanstack/react-router';
import { Fragment, type ReactNode, useEffect } from 'react';
import type { Permission } from '../api/types.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { CurrentStoreProvider } from '../stores/current-store.tsx';
import { rememberLastStore } from '../stores/last-store.ts';
import { RoleBadge } from '../stores/RoleBadge.tsx';
import { StoreNotFound } from '../stores/StoreNotFound.tsx';
import {
  IconChannels,
  IconChartLine,
  IconClipboardCheck,
  IconCreditCard,
  IconFlask,
  IconFolder,
  IconGlobe,
  IconHistory,
  IconKey,
  IconLanguage,
  IconLayers,
  IconLogo,
  IconMail,
  IconMapPin,
  IconPackage,
  IconPencil,
  IconReceipt,
  IconReceiptTax,
  IconReturn,
  IconSearch,
  IconShield,
  IconStar,
  IconSunrise,
  IconTag,
  IconTarget,
  IconTransfer,
  IconTruck,
  IconUsers,
  IconWarehouse,
} from '../ui/icons.tsx';
import { AnchorLink, NavLinkLink } from '../ui/router-links.tsx';
import { StoreSwitcher } from './StoreSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

const storeRoute = getRouteApi('/signed-in/stores/$store');

interface Section {
  to:
    | '/stores/$store'
    | '/stores/$store/analytics'
    | '/stores/$store/goals'
    | '/stores/$store/experiments'
    | '/stores/$store/orders'
    | '/stores/$store/draft-orders'
    | '/stores/$store/customers'
    | '/stores/$store/customers/segments'
    | '/stores/$store/newsletters'
    | '/stores/$store/returns'
    | '/stores/$store/reviews'
    | '/stores/$store/support'
    | '/stores/$store/support/metrics'
    | '/stores/$store/support/sla'
    | '/stores/$store/products'
    | '/stores/$store/categories'
    | '/stores/$store/collections'
    | '/stores/$store/inventory'
    | '/stores/$store/locations'
    | '/stores/$store/channels'
    | '/stores/$store/purchasing'
    | '/stores/$store/forecasts'
    | '/stores/$store/transfers'
    | '/stores/$store/counts'
    | '/stores/$store/markets'
    | '/stores/$store/tax'
    | '/stores/$store/shipping'
    | '/stores/$store/discounts'
    | '/stores/$store/seo'
    | '/stores/$store/team'
    | '/stores/$store/mail'
    | '/stores/$store/settings/email-templates'
    | '/stores/$store/settings/payments'
    | '/stores/$store/settings/orders'
    | '/stores/$store/audit'
    | '/stores/$store/privacy'
    | '/stores/$store/languages'
    | '/stores/$store/api-keys';
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** Sections of one group follow each other under its name ("Selling"); the first after it gets a rule. */
  group?: string;
  /** Shown indented under the section before it (Returns under Orders). */
  nested?: boolean;
}

const sections: Section[] = [
  { to: '/stores/$store', label: 'Home', icon: <IconSunrise />, permission: 'store:read' },
  {
    to: '/stores/$store/analytics',
    label: 'Analytics',
    icon: <IconChartLine />,
    permission: 'analytics:read',
  },
  {
    to: '/stores/$store/goals',
    label: 'Goals',
    icon: <IconTarget />,
    permission: 'analytics:read',
    nested: true,
  },
  {
    to: '/stores/$store/experiments',
    label: 'Experiments',
    icon: <IconFlask />,
    permission: 'experiments:read',
    nested: true,
  },
  { to: '/stores/$store/orders', label: 'Orders', icon: <IconReceipt />, permission: 'orders:read' },
  {
    to: '/stores/$store/draft-orders',
    label: 'Drafts',
    icon: <IconPencil />,
    permission: 'orders:read',
    nested: true,
  },
  {
    to: '/stores/$store/returns',
    label: 'Returns',
    icon: <IconReturn />,
    permission: 'orders:read',
    nested: true,
  },
  { to: '/stores/$store/support', label: 'Inbox', icon: <IconMail />, permission: 'support:read' },
  {
    to: '/stores/$store/support/metrics',
    label: 'Support metrics',
    icon: <IconChartLine />,
    permission: 'support:read',
    nested: true,
  },
  {
    to: '/stores/$store/support/sla',
    label: 'Support SLA',
    icon: <IconTarget />,
    permission: 'support:read',
    nested: true,
  },
  { to: '/stores/$store/customers', label: 'Customers', icon: <IconUsers />, permission: 'customers:read' },
  {
    to: '/stores/$store/customers/segments',
    label: 'Segments',
    icon: <IconLayers />,
    permission: 'customers:read',
    nested: true,
  },
  {
    to: '/stores/$store/newsletters',
    label: 'Newsletters',
    icon: <IconMail />,
    permission: 'newsletters:read',
    nested: true,
  },
  { to: '/stores/$store/products', label: 'Products', icon: <IconPackage />, permission: 'catalog:read' },
  {
    to: '/stores/$store/reviews',
    label: 'Reviews',
    icon: <IconStar />,
    permission: 'reviews:read',
    nested: true,
  },
  { to: '/stores/$store/categories', label: 'Categories', icon: <IconFolder />, permission: 'catalog:read' },
  {
    to: '/stores/$store/collections',
    label: 'Collections',
    icon: <IconLayers />,
    permission: 'catalog:read',
  },
  {
    to: '/stores/$store/inventory',
    label: 'Inventory',
    icon: <IconWarehouse />,
    permission: 'inventory:read',
  },
  { to: '/stores/$store/locations', label: 'Locations', icon: <IconMapPin />, permission: 'inventory:read' },
  {
    to: '/stores/$store/channels',
    label: 'Sales channels',
    icon: <IconChannels />,
    permission: 'inventory:read',
  },
  {
    to: '/stores/$store/purchasing',
    label: 'Purchasing',
    icon: <IconPackage />,
    permission: 'purchasing:read',
  },
  {
    to: '/stores/$store/forecasts',
    label: 'Forecasts',
    icon: <IconChartLine />,
    permission: 'purchasing:read',
    nested: true,
  },
  {
    to: '/stores/$store/transfers',
    label: 'Transfers',
    icon: <IconTransfer />,
    permission: 'inventory:read',
  },
  {
    to: '/stores/$store/counts',
    label: 'Counts',
    icon: <IconClipboardCheck />,
    permission: 'inventory:read',
  },
  // The terms of sale: what a cart costs (docs/selling.md).
  {
    to: '/stores/$store/markets',
    label: 'Markets',
    icon: <IconGlobe />,
    permission: 'pricing:read',
    group: 'Selling',
  },
  {
    to: '/stores/$store/tax',
    label: 'Tax',
    icon: <IconReceiptTax />,
    permission: 'pricing:read',
    group: 'Selling',
  },
  {
    to: '/stores/$store/shipping',
    label: 'Shipping',
    icon: <IconTruck />,
    permission: 'pricing:read',
    group: 'Selling',
  },
  {
    to: '/stores/$store/discounts',
    label: 'Discounts',
    icon: <IconTag />,
    permission: 'promotions:read',
    group: 'Selling',
  },
  {
    to: '/stores/$store/settings/payments',
    label: 'Payments',
    icon: <IconCreditCard />,
    permission: 'store:read',
    group: 'Selling',
  },
  {
    to: '/stores/$store/settings/orders',
    label: 'Orders and returns',
    icon: <IconReturn />,
    permission: 'orders:read',
    group: 'Selling',
  },
  { to: '/stores/$store/seo', label: 'SEO audit', icon: <IconSearch />, permission: 'catalog:read' },
  { to: '/stores/$store/team', label: 'Team', icon: <IconUsers />, permission: 'team:read' },
  { to: '/stores/$store/mail', label: 'Mail', icon: <IconMail />, permission: 'store:read' },
  {
    to: '/stores/$store/settings/email-templates',
    label: 'E-mail templates',
    icon: <IconMail />,
    permission: 'store:read',
  },
  { to: '/stores/$store/audit', label: 'Audit log', icon: <IconHistory />, permission: 'audit:read' },
  { to: '/stores/$store/privacy', label: 'Privacy', icon: <IconShield />, permission: 'privacy:manage' },
  { to: '/stores/$store/languages', label: 'Languages', icon: <IconLanguage />, permission: 'store:read' },
  { to: '/stores/$store/api-keys', label: 'API keys', icon: <IconKey />, permission: 'apikeys:read' },
];

export function StoreLayout() {
  const { store: handle } = storeRoute.useParams();
  const { data: session } = useSuspenseQuery(sessionQuery);
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const matchRoute = useMatchRoute();
  const store = session.stores.find((s) => s.handle === handle);

  useEffect(() => {
    if (store) rememberLastStore(store.handle);
  }, [store]);

  if (!store) return <StoreNotFound />;
  const visibleSections = sections.filter((section) => store.permissions.includes(section.permission));

  return (
    <CurrentStoreProvider store={store}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              />
              <AnchorLink to="/" underline="never" c="inherit" visibleFrom="sm" aria-label="Storepilot home">
                <Group gap={8} wrap="nowrap">
                  <ThemeIcon size="md" radius="md">
                    <IconLogo size={16} />
                  </ThemeIcon>
                  <Text fw={700}>Storepilot</Text>
                </Group>
              </AnchorLink>
              <StoreSwitcher currentHandle={store.handle} />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationBell store={store.handle} />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label="Store sections">
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={2}>
              {visibleSections.map((section, i) => (
                <Fragment key={section.to}>
                  {i > 0 && section.group !== visibleSections[i - 1]!.group ? (
                    section.group ? (
                      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                        {section.group}
                      </Text>
                    ) : (
                      <Divider my={6} />
                    )
                  ) : null}
                  <NavLinkLink
                    to={section.to}
                    params={{ store: store.handle }}
                    activeOptions={{ exact: section.to === '/stores/$store' }}
                    label={section.label}
                    leftSection={section.icon}
                    pl={section.nested ? 'xl' : undefined}
                    active={Boolean(
                      // Home is the store's root: only its own address lights it, not every page under it.
                      matchRoute({
                        to: section.to,
                        params: { store: store.handle },
                        fuzzy: section.to !== '/stores/$store',
                      }),
                    )}
                    onClick={closeNav}
                  />
                </Fragment>
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Stack gap={4} px="xs">
              <Text size="sm" fw={600} truncate="end">
                {store.name}
              </Text>
              <Group gap={6}>
                <RoleBadge role={store.role} size="sm" />
                <Badge size="sm" variant="outline" color="gray">
                  {store.baseCurrency}
                </Badge>
              </Group>
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main bg="var(--mantine-color-gray-0)">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </CurrentStoreProvider>
  );
}

import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../ui/PageHeader.tsx';
import { PickupPanel } from './PickupPanel.tsx';
import { ShippingQuotePanel } from './ShippingQuotePanel.tsx';
import { ZonesPanel } from './ZonesPanel.tsx';

const shippingRoute = getRouteApi('/signed-in/stores/$store/shipping');

export type ShippingTab = 'zones' | 'pickup' | 'quote';

/** The store's shipping: zones and their rates, pick-up at its locations, and a quote for a cart. */
export function ShippingScreen(): ReactNode {
  const search = shippingRoute.useSearch();
  const navigate = shippingRoute.useNavigate();
  const tab: ShippingTab = search.tab ?? 'zones';
  return (
    <>
      <PageHeader
        title="Shipping"
        description="Where you ship, what it costs and how long it takes, and where shoppers can collect instead."
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({
            search: { tab: value === 'zones' ? undefined : (value as ShippingTab) },
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="zones">Zones and rates</Tabs.Tab>
          <Tabs.Tab value="pickup">Pick-up</Tabs.Tab>
          <Tabs.Tab value="quote">Quote preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="zones">
          <ZonesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="pickup">
          <PickupPanel />
        </Tabs.Panel>
        <Tabs.Panel value="quote">
          <ShippingQuotePanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** The tab, kept in the URL so a reload or a shared link opens it. */
export function parseShippingSearch(search: Record<string, unknown>): { tab?: ShippingTab } {
  return search.tab === 'pickup' || search.tab === 'quote' ? { tab: search.tab } : {};
}

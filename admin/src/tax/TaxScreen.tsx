import { Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../ui/PageHeader.tsx';
import { TaxClassesPanel } from './TaxClassesPanel.tsx';
import { TaxPreviewPanel } from './TaxPreviewPanel.tsx';
import { TaxRatesPanel } from './TaxRatesPanel.tsx';
import { TaxSettingsPanel } from './TaxSettingsPanel.tsx';
import type { TaxTab } from './tax-search.ts';

const taxRoute = getRouteApi('/signed-in/stores/$store/tax');

/**
 * Tax: the rates by country and region, the classes products are taxed by, the store's settings,
 * and a preview that taxes a made-up cart as checkout will. The tab is in the URL.
 */
export function TaxScreen(): ReactNode {
  const search = taxRoute.useSearch();
  const navigate = taxRoute.useNavigate();
  const tab: TaxTab = search.tab ?? 'rates';
  return (
    <>
      <PageHeader
        title="Tax"
        description="What is taxed where, at which rate, and how: the same rules the cart and checkout apply."
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({ search: { tab: value === 'rates' ? undefined : (value as TaxTab) }, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="rates">Rates</Tabs.Tab>
          <Tabs.Tab value="classes">Classes</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rates">
          <TaxRatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="classes">
          <TaxClassesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <TaxSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <TaxPreviewPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

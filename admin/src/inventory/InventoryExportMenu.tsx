import { Button, Menu, Text } from '@mantine/core';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconDownload } from '../ui/icons.tsx';
import { inventoryExportUrl } from './inventory-csv-requests.ts';
import type { InventoryCsvFormat } from './inventory-import-types.ts';

const exportLayouts: Array<{ format: InventoryCsvFormat; label: string; hint: string }> = [
  { format: 'storepilot', label: 'Storepilot CSV', hint: 'SKU, Variant ID, Location, On hand' },
  { format: 'shopify', label: 'Shopify CSV', hint: 'Shopify’s inventory CSV layout' },
];

/** Every variant at every location as a CSV download, in our layout or Shopify's. */
export function InventoryExportMenu() {
  const { store } = useCurrentStore();
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download every stock level as</Menu.Label>
        {exportLayouts.map(({ format, label, hint }) => (
          <Menu.Item key={format} component="a" href={inventoryExportUrl(store.handle, format)} download>
            <Text size="sm">{label}</Text>
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

import { Button, Menu, Text } from '@mantine/core';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { IconDownload, IconUpload } from '../../ui/icons.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { productExportUrl } from './import-queries.ts';
import { type CatalogFormat, formatLabels } from './import-types.ts';

const exportFormats: Array<{ format: CatalogFormat; hint: string }> = [
  { format: 'shopify', hint: 'Shopify product CSV' },
  { format: 'woocommerce', hint: 'WooCommerce product CSV' },
  { format: 'storepilot', hint: 'Everything Storepilot keeps' },
];

/** Import and Export beside the product list's title. */
export function ProductTransferActions() {
  const { store, can } = useCurrentStore();
  return (
    <>
      {can('catalog:write') ? (
        <ButtonLink
          to="/stores/$store/products/import"
          params={{ store: store.handle }}
          variant="default"
          leftSection={<IconUpload />}
        >
          Import
        </ButtonLink>
      ) : null}
      <Menu position="bottom-end" shadow="md" width={240}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload />}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Download every product as</Menu.Label>
          {exportFormats.map(({ format, hint }) => (
            <Menu.Item key={format} component="a" href={productExportUrl(store.handle, format)} download>
              <Text size="sm">{formatLabels[format]} CSV</Text>
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

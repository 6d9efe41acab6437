import { Button } from '@mantine/core';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconUpload } from '../ui/icons.tsx';
import { InventoryExportMenu } from './InventoryExportMenu.tsx';
import { InventoryImportModal } from './InventoryImportModal.tsx';

/**
 * Import and Export beside the inventory screen's title. Import needs `inventory:write` and a
 * location to put stock at; export is for everyone who sees the screen.
 */
export function InventoryCsvActions({ hasLocations }: { hasLocations: boolean }) {
  const { can } = useCurrentStore();
  const [importing, setImporting] = useState(false);
  return (
    <>
      {can('inventory:write') && hasLocations ? (
        <>
          <Button variant="default" leftSection={<IconUpload />} onClick={() => setImporting(true)}>
            Import
          </Button>
          <InventoryImportModal opened={importing} onClose={() => setImporting(false)} />
        </>
      ) : null}
      <InventoryExportMenu />
    </>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ReorderRunningOutModal } from './ReorderRunningOutModal.tsx';

/**
 * Above the inventory table filtered to "Running out": the way to draft the purchase orders that
 * restock all of it. For members who may write purchasing.
 */
export function ReorderRunningOutBar({ locationId }: { locationId?: string }) {
  const { can } = useCurrentStore();
  const [opened, setOpened] = useState(false);
  if (!can('purchasing:write')) return null;
  return (
    <>
      <Group px="md" pb="md" justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          These run out within two weeks, or before their supplier could deliver.
          {locationId ? ' Reorder suggestions count stock over all active locations.' : ''}
        </Text>
        <Button variant="light" onClick={() => setOpened(true)}>
          Reorder running-out stock
        </Button>
      </Group>
      {/* Mounted while open, so each opening starts from fresh suggestions and no edits. */}
      {opened ? (
        <ReorderRunningOutModal opened onClose={() => setOpened(false)} locationId={locationId} />
      ) : null}
    </>
  );
}

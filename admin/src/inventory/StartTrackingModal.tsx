import { Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconSearch } from '../ui/icons.tsx';
import { stockListQuery } from './inventory-queries.ts';
import classes from './StartTrackingModal.module.css';

/**
 * Finds a variant whose stock is not tracked yet, by title or SKU, and hands it to `onPick` (the
 * inventory screen opens its drawer, where Adjust gives it its first stock).
 */
export function StartTrackingModal({
  opened,
  onClose,
  onPick,
}: {
  opened: boolean;
  onClose: () => void;
  onPick: (variantId: string) => void;
}) {
  const { store } = useCurrentStore();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const found = useQuery({
    ...stockListQuery(store.handle, { q, tracking: 'untracked', limit: 8, offset: 0 }),
    enabled: opened,
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Track a variant" size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Variants whose stock is not tracked are always sellable. Pick one to give it stock at a location;
          its stock is tracked from then on.
        </Text>
        <TextInput
          aria-label="Find a variant"
          placeholder="Search by product title or SKU"
          leftSection={<IconSearch size={16} />}
          rightSection={found.isFetching ? <Loader size={14} /> : null}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          type="search"
          data-autofocus
        />
        {found.isError ? (
          <Text c="red" size="sm" role="alert">
            {found.error.message}
          </Text>
        ) : found.data && found.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center">
            {q ? 'No untracked variant matches.' : 'Every variant’s stock is tracked already.'}
          </Text>
        ) : (
          <Stack gap={4} aria-label="Untracked variants">
            {(found.data?.items ?? []).map((row) => (
              <UnstyledButton
                key={row.variantId}
                className={classes.result}
                onClick={() => onPick(row.variantId)}
              >
                <Group gap="sm" wrap="nowrap">
                  <ProductThumbnail src={row.imageUrl} title={row.productTitle} size={32} />
                  <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" fw={600} truncate="end">
                      {row.productTitle}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {[row.title, row.sku].filter(Boolean).join(' · ') || 'Only variant'}
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
            {found.data && found.data.total > found.data.items.length ? (
              <Text size="xs" c="dimmed" ta="center" pt={4}>
                {found.data.total - found.data.items.length} more: type more of the title or SKU.
              </Text>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

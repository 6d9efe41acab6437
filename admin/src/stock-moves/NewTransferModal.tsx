import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconX } from '../ui/icons.tsx';
import { lineErrorsFrom } from './line-errors.ts';
import { useCreateTransfer, variantSearchQuery } from './stock-move-queries.ts';
import { variantLabel } from './stock-move-types.ts';

interface DraftLine {
  variantId: string;
  label: string;
  available: number;
  quantity: number | string;
}

/** Draft a transfer: the two ends, and lines picked by searching tracked variants. */
export function NewTransferModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { store } = useCurrentStore();
  const locations = useQuery({ ...locationsQuery(store.handle), enabled: opened });
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [searchText, setSearchText] = useState('');
  const [q] = useDebouncedValue(searchText.trim(), 250);
  const variants = useQuery({ ...variantSearchQuery(store.handle, q), enabled: opened });
  const create = useCreateTransfer(store.handle);
  const errors = lineErrorsFrom(create.error, (index) => lines[index]?.variantId);

  const active = (locations.data ?? []).filter((l) => l.active);
  const locationOptions = active.map((l) => ({ value: l.id, label: l.name }));
  const picked = new Set(lines.map((l) => l.variantId));
  const variantOptions = (variants.data ?? [])
    .filter((v) => !picked.has(v.variantId))
    .map((v) => ({
      value: v.variantId,
      label: `${variantLabel({ productTitle: v.productTitle, variantTitle: v.title })}${v.sku ? ` (${v.sku})` : ''}`,
    }));

  const close = () => {
    setFrom(null);
    setTo(null);
    setLines([]);
    setSearchText('');
    create.reset();
    onClose();
  };
  const addLine = (variantId: string | null) => {
    const variant = variants.data?.find((v) => v.variantId === variantId);
    if (!variant) return;
    setLines((prev) => [
      ...prev,
      {
        variantId: variant.variantId,
        label: variantLabel({ productTitle: variant.productTitle, variantTitle: variant.title }),
        available: variant.available,
        quantity: 1,
      },
    ]);
    setSearchText('');
  };
  const submit = () => {
    if (!from || !to) return;
    create.mutate(
      {
        fromLocationId: from,
        toLocationId: to,
        lines: lines.map((l) => ({ variantId: l.variantId, quantity: Number(l.quantity) })),
      },
      {
        onSuccess: (transfer) => {
          close();
          onCreated(transfer.id);
        },
      },
    );
  };
  const fieldError = (field: 'fromLocationId' | 'toLocationId') => {
    const path = (create.error as { details?: { path?: string } } | null)?.details?.path;
    return path === field ? (create.error as Error).message : undefined;
  };
  const general = fieldError('fromLocationId') || fieldError('toLocationId') ? null : errors.general;

  return (
    <Modal opened={opened} onClose={close} title="New transfer" size="lg">
      <Stack gap="md">
        <Group grow align="flex-start">
          <Select
            label="From"
            data={locationOptions}
            value={from}
            onChange={setFrom}
            error={fieldError('fromLocationId')}
          />
          <Select
            label="To"
            data={locationOptions}
            value={to}
            onChange={setTo}
            error={fieldError('toLocationId')}
          />
        </Group>
        <Select
          label="Add a variant"
          placeholder="Search by product or SKU"
          searchable
          searchValue={searchText}
          onSearchChange={setSearchText}
          data={variantOptions}
          value={null}
          onChange={addLine}
          filter={({ options }) => options}
          nothingFoundMessage={variants.isFetching ? 'Searching…' : 'No tracked variant matches'}
        />
        {lines.length === 0 ? (
          <Text c="dimmed" size="sm">
            No lines yet: add the variants to move.
          </Text>
        ) : (
          <Table aria-label="Transfer lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th w={160}>Quantity</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => (
                <Table.Tr key={line.variantId}>
                  <Table.Td>
                    <Text size="sm">{line.label}</Text>
                    <Text size="xs" c="dimmed">
                      {line.available} available in all locations
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Quantity of ${line.label}`}
                      min={1}
                      allowDecimal={false}
                      value={line.quantity}
                      onChange={(value) =>
                        setLines((prev) => prev.map((l, i) => (i === index ? { ...l, quantity: value } : l)))
                      }
                      error={errors.byVariant[line.variantId]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${line.label}`}
                      onClick={() => setLines((prev) => prev.filter((_, i) => i !== index))}
                    >
                      <IconX />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={!from || !to || lines.length === 0}>
            Create draft
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

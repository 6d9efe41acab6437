import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import type { StockRow } from '../inventory/inventory-types.ts';
import { VariantPicker } from '../purchasing/VariantPicker.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconX } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard.tsx';
import { lineErrorsFrom } from './line-errors.ts';
import { type TransferDraftInput, useUpdateTransfer } from './stock-move-queries.ts';
import { type Transfer, variantLabel } from './stock-move-types.ts';

interface EditLine {
  variantId: string;
  label: string;
  sku: string | null;
  /** As typed: '' while the input is empty. */
  quantity: number | string;
}

const maxQuantity = 1_000_000;

/** What the form holds, comparable with what the draft was, to know whether leaving loses anything. */
const snapshot = (from: string, to: string, lines: EditLine[], note: string) =>
  JSON.stringify([from, to, lines.map((l) => [l.variantId, l.quantity]), note.trim()]);

/**
 * Changes a draft transfer in place: its two ends, the quantity of each line, lines added (tracked
 * variants only: a transfer moves stock that is kept) or removed, and the note; saved in one PATCH that
 * replaces the lines. Quantities are checked here first; what the server refuses shows on the line it
 * names (a variant no longer tracked, say), or on the location field.
 */
export function TransferDraftEditor({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { store } = useCurrentStore();
  const locations = useQuery(locationsQuery(store.handle));
  const update = useUpdateTransfer(store.handle, transfer.id);
  const [from, setFrom] = useState(transfer.fromLocationId);
  const [to, setTo] = useState(transfer.toLocationId);
  const [lines, setLines] = useState<EditLine[]>(() =>
    transfer.lines.map((l) => ({
      variantId: l.variantId,
      label: variantLabel(l),
      sku: l.sku,
      quantity: l.quantity,
    })),
  );
  const [note, setNote] = useState(transfer.note ?? '');
  const [quantityProblems, setQuantityProblems] = useState<Record<string, string>>({});
  const [emptyProblem, setEmptyProblem] = useState<string | null>(null);
  const initial = useRef(snapshot(transfer.fromLocationId, transfer.toLocationId, lines, note));
  const current = useRef({ dirty: false, saved: false });
  current.current.dirty = snapshot(from, to, lines, note) !== initial.current;

  // The lines sent are the ones whose indexes the server's paths count.
  const server = lineErrorsFrom(update.error, (index) => update.variables?.lines[index]?.variantId);
  const serverPath =
    update.error instanceof ApiError ? (update.error.details as { path?: unknown } | undefined)?.path : null;
  const locationError = (field: 'fromLocationId' | 'toLocationId') =>
    serverPath === field ? update.error?.message : undefined;
  const general = locationError('fromLocationId') || locationError('toLocationId') ? null : server.general;
  const lineError = (variantId: string) => quantityProblems[variantId] ?? server.byVariant[variantId];

  // Locations a draft can go between: the active ones, and its own ends even if since deactivated.
  const locationOptions = (locations.data ?? [])
    .filter((l) => l.active || l.id === transfer.fromLocationId || l.id === transfer.toLocationId)
    .map((l) => ({ value: l.id, label: l.active ? l.name : `${l.name} (inactive)` }));

  /** Any edit makes the last refusal stale. */
  const edited = () => {
    if (update.isError) update.reset();
    setEmptyProblem(null);
  };
  const changeQuantity = (variantId: string, quantity: number | string) => {
    setLines((prev) => prev.map((l) => (l.variantId === variantId ? { ...l, quantity } : l)));
    setQuantityProblems(({ [variantId]: _, ...rest }) => rest);
    edited();
  };
  const add = (variant: StockRow) => {
    setLines((prev) => [
      ...prev,
      {
        variantId: variant.variantId,
        label: variantLabel({ productTitle: variant.productTitle, variantTitle: variant.title || null }),
        sku: variant.sku,
        quantity: 1,
      },
    ]);
    edited();
  };
  const remove = (variantId: string) => {
    setLines((prev) => prev.filter((l) => l.variantId !== variantId));
    setQuantityProblems(({ [variantId]: _, ...rest }) => rest);
    edited();
  };

  const save = () => {
    const problems: Record<string, string> = {};
    for (const line of lines) {
      const q = line.quantity;
      if (typeof q !== 'number' || !Number.isInteger(q) || q < 1) problems[line.variantId] = 'At least 1.';
      else if (q > maxQuantity) problems[line.variantId] = `At most ${maxQuantity.toLocaleString()}.`;
    }
    setQuantityProblems(problems);
    setEmptyProblem(
      lines.length === 0 ? 'A transfer needs at least one line. To drop it all, cancel the transfer.' : null,
    );
    if (lines.length === 0 || Object.keys(problems).length > 0) return;
    const input: TransferDraftInput = {
      fromLocationId: from,
      toLocationId: to,
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: Number(l.quantity) })),
      note: note.trim() || null,
    };
    update.mutate(input, {
      onSuccess: (saved) => {
        current.current.saved = true;
        notifySuccess(`${saved.name} saved.`);
        onClose();
      },
    });
  };

  return (
    <Stack gap="lg">
      <UnsavedChangesGuard hasUnsavedChanges={() => current.current.dirty && !current.current.saved} />
      <Card withBorder radius="md">
        <Group grow align="flex-start">
          <Select
            label="From"
            data={locationOptions}
            value={from}
            onChange={(value) => {
              if (value) setFrom(value);
              edited();
            }}
            allowDeselect={false}
            error={locationError('fromLocationId')}
          />
          <Select
            label="To"
            data={locationOptions}
            value={to}
            onChange={(value) => {
              if (value) setTo(value);
              edited();
            }}
            allowDeselect={false}
            error={locationError('toLocationId')}
          />
        </Group>
        <Textarea
          mt="sm"
          label="Note"
          placeholder="For the people at both ends (optional)"
          autosize
          minRows={1}
          maxLength={1000}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            edited();
          }}
        />
      </Card>
      <Card withBorder padding={0} radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Transfer lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th w={160}>Quantity</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" py="sm">
                      No lines left. Add a variant below, or cancel the transfer instead.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                lines.map((line) => (
                  <Table.Tr key={line.variantId}>
                    <Table.Td>
                      <Text size="sm">{line.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{line.sku ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Quantity of ${line.label}`}
                        // No `min`: clamping on blur would hide a 0 the person typed.
                        allowDecimal={false}
                        allowNegative={false}
                        value={line.quantity}
                        onChange={(value) => changeQuantity(line.variantId, value)}
                        error={lineError(line.variantId)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove ${line.label}`}
                        onClick={() => remove(line.variantId)}
                      >
                        <IconX />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Stack p="md" gap="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <VariantPicker
            onPick={add}
            exclude={new Set(lines.map((l) => l.variantId))}
            error={emptyProblem ?? undefined}
            trackedOnly
          />
        </Stack>
      </Card>
      {general ? (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={save} loading={update.isPending}>
          Save changes
        </Button>
        <Button variant="default" onClick={onClose} disabled={update.isPending}>
          Discard changes
        </Button>
      </Group>
    </Stack>
  );
}

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { suggestHandle } from '../handles/suggest-handle.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { RowEditActions } from '../ui/RowEditActions.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { TaxClassProductsModal } from './TaxClassProductsModal.tsx';
import { taxClassesQuery, useDeleteTaxClass, useSaveTaxClass } from './tax-queries.ts';
import type { TaxClass } from './tax-types.ts';

/**
 * The store's tax classes: standard (every product's unless moved) and the store's own, such as
 * "reduced" or "zero", with how many rates and products use each.
 */
export function TaxClassesPanel() {
  const { store, can } = useCurrentStore();
  const writable = can('pricing:write');
  const classes = useQuery(taxClassesQuery(store.handle));
  const remove = useDeleteTaxClass(store.handle);
  const [editing, setEditing] = useState<TaxClass | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TaxClass | null>(null);
  const [members, setMembers] = useState<TaxClass | null>(null);
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          A product is taxed at its class’s rates where it goes. A class without rates in a place takes the
          standard rates there; give it a 0 % rate where it is not taxed.
        </Text>
        {writable ? (
          <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
            Add class
          </Button>
        ) : null}
      </Group>
      <Card withBorder padding={0} radius="md">
        {classes.isError ? (
          <Text c="red" p="md" role="alert">
            {classes.error.message}
          </Text>
        ) : classes.isPending ? (
          <ListSkeleton label="Loading tax classes" rows={2} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Tax classes" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Class</Table.Th>
                  <Table.Th>Handle</Table.Th>
                  <Table.Th ta="right">Rates</Table.Th>
                  <Table.Th ta="right">Products</Table.Th>
                  {writable ? (
                    <Table.Th w={150}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {classes.data.map((taxClass) => (
                  <Table.Tr key={taxClass.handle}>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {taxClass.name}
                        </Text>
                        {taxClass.isStandard ? (
                          <Badge size="xs" variant="outline" color="gray">
                            Default
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {taxClass.handle}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {taxClass.rateCount}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {taxClass.isStandard ? (
                        <Text size="sm" c="dimmed">
                          All others
                        </Text>
                      ) : (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() => setMembers(taxClass)}
                          aria-label={`Products of ${taxClass.name}`}
                        >
                          {taxClass.productCount.toLocaleString()}
                        </Button>
                      )}
                    </Table.Td>
                    {writable ? (
                      <Table.Td>
                        <RowEditActions
                          name={taxClass.name}
                          onEdit={() => setEditing(taxClass)}
                          onDelete={taxClass.isStandard ? undefined : () => setDeleting(taxClass)}
                          editLabel="Rename"
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {writable && (creating || editing) ? (
        <TaxClassFormModal
          taxClass={editing}
          onClose={() => {
            setEditing(null);
            setCreating(false);
          }}
        />
      ) : null}
      {members ? (
        <TaxClassProductsModal taxClass={members} writable={writable} onClose={() => setMembers(null)} />
      ) : null}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete tax class?"
        confirmLabel="Delete class"
        loading={remove.isPending}
        onCancel={closeDelete}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.handle, {
            onSuccess: () => {
              notifySuccess(`${deleting.name} deleted.`);
              closeDelete();
            },
          })
        }
      >
        <Stack gap="sm">
          <Text size="sm">
            {deleting
              ? `The class ${deleting.name} goes. Only a class no rate, product or shipping setting uses can go.`
              : ''}
          </Text>
          {remove.isError ? (
            <Alert color="red" role="alert" title="Not deleted">
              {remove.error.message}
            </Alert>
          ) : null}
        </Stack>
      </ConfirmDialog>
    </>
  );
}

type Field = 'handle' | 'name';
const fieldFor: Record<string, Field> = { handle: 'handle', name: 'name' };

/** Adds a class (its handle never changes afterwards) or renames one. */
function TaxClassFormModal({ taxClass, onClose }: { taxClass: TaxClass | null; onClose: () => void }) {
  const { store } = useCurrentStore();
  const save = useSaveTaxClass(store.handle);
  const [name, setName] = useState(taxClass?.name ?? '');
  const [handle, setHandle] = useState(taxClass?.handle ?? '');
  const [handleTouched, setHandleTouched] = useState(false);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the class a name, e.g. Reduced rate.';
    if (!taxClass && !handle.trim()) found.handle = 'Give the class a handle, e.g. reduced.';
    if (!showFound(found)) return;
    save.mutate(
      { handle: taxClass?.handle ?? handle.trim(), name: name.trim(), isNew: !taxClass },
      {
        onSuccess: () => {
          notifySuccess(taxClass ? `${name.trim()} saved.` : `${name.trim()} added.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={taxClass ? `Rename ${taxClass.name}` : 'Add tax class'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            placeholder="Reduced rate"
            value={name}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setName(next);
              if (!taxClass && !handleTouched) setHandle(suggestHandle(next, 40));
            }}
            error={errors.name}
            maxLength={80}
            required
            data-autofocus
          />
          {taxClass ? null : (
            <TextInput
              label="Handle"
              description="How rates and CSV files name the class; it cannot change later."
              placeholder="reduced"
              value={handle}
              onChange={(e) => {
                setHandleTouched(true);
                setHandle(e.currentTarget.value);
              }}
              error={errors.handle}
              maxLength={40}
              required
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          )}
          <FormFooter
            general={general}
            submitLabel={taxClass ? 'Save' : 'Add class'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/http.ts';

export interface SaveViewValues {
  name: string;
  shared: boolean;
}

/**
 * Names a view (a new one, or a rename). Sharing with the team is offered to those who may
 * (catalog:write); everyone else saves views for themselves.
 */
export function SaveViewDialog({
  mode,
  initialName = '',
  canShare,
  saving,
  error,
  onSave,
  onClose,
}: {
  mode: 'create' | 'rename';
  initialName?: string;
  canShare: boolean;
  saving: boolean;
  error: unknown;
  onSave: (values: SaveViewValues) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(false);
  const [touched, setTouched] = useState(false);
  const problem =
    error instanceof ApiError
      ? (error.fieldProblems.find((p) => p.path === 'name')?.message ??
        (error.code === 'validation_failed' ? null : error.message))
      : null;
  const empty = name.trim() === '';

  return (
    <Modal opened onClose={onClose} title={mode === 'create' ? 'Save view' : 'Rename view'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!empty) onSave({ name: name.trim(), shared });
        }}
      >
        <Stack gap="md">
          {mode === 'create' ? (
            <Text size="sm" c="dimmed">
              Keeps the filters, order and columns you see now under a name, as a tab above the list.
            </Text>
          ) : null}
          <TextInput
            label="Name"
            placeholder="e.g. Summer drafts without images"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={80}
            error={touched && empty ? 'Give the view a name.' : problem}
            data-autofocus
            required
          />
          {mode === 'create' ? (
            <Checkbox
              label="Share with the team"
              description={
                canShare
                  ? 'Everyone in this store sees it; only you and store admins can change it.'
                  : 'Sharing views needs permission to edit the catalog. This view is yours only.'
              }
              checked={shared}
              disabled={!canShare}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {mode === 'create' ? 'Save view' : 'Rename'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group } from '@mantine/core';

/**
 * A table row's quiet "Edit" and red "Delete" buttons, on the right, named for screen readers by
 * the row they act on ("Edit Standard", "Delete Standard"). Without `onDelete` only the first shows.
 */
export function RowEditActions({
  name,
  onEdit,
  onDelete,
  editLabel = 'Edit',
}: {
  /** What the row is, as the buttons' accessible names end. */
  name: string;
  onEdit: () => void;
  onDelete?: (() => void) | undefined;
  editLabel?: string;
}) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button variant="subtle" size="xs" onClick={onEdit} aria-label={`${editLabel} ${name}`}>
        {editLabel}
      </Button>
      {onDelete ? (
        <Button variant="subtle" color="red" size="xs" onClick={onDelete} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      ) : null}
    </Group>
  );
}

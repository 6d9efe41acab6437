import { ActionBar, Button, Text } from '@mantine/core';

/**
 * Floats over the product list while rows are selected: how many, the offer to take every product
 * the filter matches, and the way to the bulk actions.
 */
export function BulkSelectionBar({
  selected,
  allMatching,
  total,
  pageFullySelected,
  onSelectAllMatching,
  onEdit,
  onClear,
}: {
  selected: number;
  allMatching: boolean;
  total: number;
  pageFullySelected: boolean;
  onSelectAllMatching: () => void;
  onEdit: () => void;
  onClear: () => void;
}) {
  const count = allMatching ? total : selected;
  return (
    <ActionBar opened={count > 0} onClose={onClear} closeOnEscape aria-label="Bulk actions">
      <Text size="sm" fw={600} px="xs" data-testid="bulk-selected">
        {allMatching ? `All ${total.toLocaleString()} matching` : `${selected} selected`}
      </Text>
      {!allMatching && pageFullySelected && total > selected ? (
        <Button variant="subtle" size="compact-sm" onClick={onSelectAllMatching}>
          Select all {total.toLocaleString()} matching
        </Button>
      ) : null}
      <ActionBar.Divider />
      <Button size="compact-sm" onClick={onEdit}>
        Bulk edit…
      </Button>
      <ActionBar.CloseButton aria-label="Clear selection" />
    </ActionBar>
  );
}

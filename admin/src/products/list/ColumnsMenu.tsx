import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { type ListColumn, listColumns } from './product-list-search.ts';

export const columnLabels: Record<ListColumn, string> = {
  sku: 'SKU',
  status: 'Status',
  vendor: 'Vendor',
  productType: 'Type',
  tags: 'Tags',
  price: 'Price',
  updated: 'Updated',
};

/** Which of the optional columns the table shows (kept in the address and in saved views). */
export function ColumnsMenu({
  shown,
  onChange,
}: {
  shown: ReadonlySet<ListColumn>;
  onChange: (columns: ListColumn[]) => void;
}) {
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default">Columns</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label="Show columns"
          value={[...shown]}
          // Kept in the table's order, whatever order they were ticked in.
          onChange={(v) => onChange(listColumns.filter((c) => v.includes(c)))}
        >
          <Stack gap="xs" mt="xs">
            {listColumns.map((c) => (
              <Checkbox key={c} value={c} label={columnLabels[c]} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}

import { ActionIcon, Badge, Checkbox, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { type CSSProperties, memo } from 'react';
import type { ProductImageRef } from '../../api/types.ts';
import { formatMinorAsDecimal, parseDecimalToMinor } from '../../money/minor-units.ts';
import { IconTrash } from '../../ui/icons.tsx';
import { gridCell } from './grid-navigation.ts';
import { VariantImagePicker } from './VariantImagePicker.tsx';
import { cellFieldOf, flagValue, marginText, type VariantColumn, withFlag } from './variant-columns.ts';
import { type VariantDraft, variantLabel } from './variant-drafts.ts';
import { cellErrorKey, type VariantSetErrors } from './variant-errors.ts';

export const stickyCell: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
  paddingLeft: 'var(--mantine-spacing-lg)',
};

const numberInput = { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } };

interface VariantGridRowProps {
  variant: VariantDraft;
  row: number;
  columns: VariantColumn[];
  errors: VariantSetErrors;
  fractionDigits: number;
  images: ProductImageRef[];
  /** Marks rows that saving adds (on a product with stored variants). */
  markNew: boolean;
  readOnly: boolean;
  canRemove: boolean;
  /** Stable across renders: the row is drawn again only when its own data changes. */
  onEdit: (key: string, change: (variant: VariantDraft) => VariantDraft) => void;
  onRemove: (key: string) => void;
}

function VariantGridRowView({
  variant,
  row,
  columns,
  errors,
  fractionDigits,
  images,
  markNew,
  readOnly,
  canRemove,
  onEdit,
  onRemove,
}: VariantGridRowProps) {
  const label = variantLabel(variant);
  // Problems with the row as a whole, or with its image, show under its name.
  const rowProblem =
    errors[cellErrorKey(variant.key, 'optionValues')] ?? errors[cellErrorKey(variant.key, 'image')];
  return (
    <Table.Tr data-variant={label}>
      <Table.Td style={{ ...stickyCell, minWidth: 170 }}>
        <Group gap="sm" wrap="nowrap">
          {images.length > 0 ? (
            <VariantImagePicker
              label={label}
              images={images}
              imageId={variant.imageId}
              readOnly={readOnly}
              onChange={(imageId) => onEdit(variant.key, (v) => ({ ...v, imageId }))}
            />
          ) : null}
          <div style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {label}
              </Text>
              {markNew ? (
                <Badge size="xs" color="indigo" variant="light">
                  New
                </Badge>
              ) : null}
            </Group>
            {rowProblem ? (
              <Text size="xs" c="red">
                {rowProblem}
              </Text>
            ) : null}
          </div>
        </Group>
      </Table.Td>
      {columns.map((column, col) => {
        if (column.kind === 'margin') {
          return (
            <Table.Td key={column.label} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              <Text size="sm" c="dimmed">
                {marginText(variant, fractionDigits)}
              </Text>
            </Table.Td>
          );
        }
        if (column.kind === 'flag') {
          return (
            <Table.Td key={column.label}>
              <Checkbox
                size="sm"
                aria-label={`${column.label} for ${label}`}
                checked={flagValue(variant, column.property)}
                disabled={readOnly}
                error={errors[cellErrorKey(variant.key, column.field)]}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  onEdit(variant.key, (v) => withFlag(v, column.property, on));
                }}
                styles={{ body: { justifyContent: 'center' } }}
                {...gridCell(row, col)}
              />
            </Table.Td>
          );
        }
        const property = column.property;
        return (
          <Table.Td key={column.label} style={{ verticalAlign: 'top' }}>
            <TextInput
              size="xs"
              aria-label={`${column.label} for ${label}`}
              value={variant[property]}
              readOnly={readOnly}
              maxLength={column.kind === 'text' ? column.maxLength : undefined}
              inputMode={
                column.kind === 'money' ? 'decimal' : column.kind === 'grams' ? 'numeric' : undefined
              }
              placeholder={column.kind === 'money' && property !== 'price' ? '—' : undefined}
              error={errors[cellErrorKey(variant.key, cellFieldOf(column) ?? property)]}
              styles={column.kind === 'text' ? undefined : numberInput}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onEdit(variant.key, (v) => ({ ...v, [property]: text }));
              }}
              onBlur={
                column.kind === 'money'
                  ? () => {
                      // 39 reads as 39.00 once the cell is left, as saved prices do.
                      onEdit(variant.key, (v) => {
                        const parsed = parseDecimalToMinor(v[property], fractionDigits);
                        const shown = parsed.ok
                          ? formatMinorAsDecimal(parsed.amount, fractionDigits)
                          : v[property];
                        return shown === v[property] ? v : { ...v, [property]: shown };
                      });
                    }
                  : undefined
              }
              autoComplete="off"
              {...gridCell(row, col)}
            />
          </Table.Td>
        );
      })}
      {readOnly ? null : (
        <Table.Td>
          <Tooltip label="Remove variant" openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove ${label}`}
              // Out of the Tab order: Tab goes from cell to cell.
              tabIndex={-1}
              disabled={!canRemove}
              onClick={() => onRemove(variant.key)}
            >
              <IconTrash size={15} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** The row's own problems, as one comparable string. */
function rowErrors(errors: VariantSetErrors, key: string): string {
  const prefix = `variants.${key}.`;
  return Object.entries(errors)
    .filter(([address, message]) => address.startsWith(prefix) && message)
    .map(([address, message]) => `${address}=${message}`)
    .join('\n');
}

/**
 * One variant's row of the grid. With a hundred rows, drawing all of them on every keystroke is
 * slow, so a row is drawn again only when its variant, its problems or the shown columns change.
 */
export const VariantGridRow = memo(
  VariantGridRowView,
  (a, b) =>
    a.variant === b.variant &&
    a.row === b.row &&
    a.columns === b.columns &&
    a.fractionDigits === b.fractionDigits &&
    a.images === b.images &&
    a.markNew === b.markNew &&
    a.readOnly === b.readOnly &&
    a.canRemove === b.canRemove &&
    a.onEdit === b.onEdit &&
    a.onRemove === b.onRemove &&
    (a.errors === b.errors || rowErrors(a.errors, a.variant.key) === rowErrors(b.errors, b.variant.key)),
);

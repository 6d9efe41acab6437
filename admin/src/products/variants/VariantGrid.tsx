import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { type ClipboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ProductImageRef } from '../../api/types.ts';
import { currencyFractionDigits, formatMoney, parseDecimalToMinor } from '../../money/minor-units.ts';
import { cellPosition, onGridKeyDown, pastedCells, pastedFlag } from './grid-navigation.ts';
import { VariantBulkSet } from './VariantBulkSet.tsx';
import { stickyCell, VariantGridRow } from './VariantGridRow.tsx';
import { type ColumnSet, cellFieldOf, columnSetOrder, columnSets, withFlag } from './variant-columns.ts';
import {
  missingCombinations,
  type OptionDraft,
  variantLimits,
  withMissingCombinations,
} from './variant-combinations.ts';
import { type VariantDraft, variantFromTemplate } from './variant-drafts.ts';
import { cellErrorKey, type VariantSetErrors } from './variant-errors.ts';

function priceRange(variants: VariantDraft[], currency: string): string | null {
  const digits = currencyFractionDigits(currency);
  const amounts = variants
    .map((v) => parseDecimalToMinor(v.price, digits))
    .flatMap((p) => (p.ok ? [p.amount] : []));
  if (amounts.length === 0) return null;
  const low = Math.min(...amounts);
  const high = Math.max(...amounts);
  return low === high
    ? formatMoney(low, currency)
    : `${formatMoney(low, currency)} – ${formatMoney(high, currency)}`;
}

/**
 * The variants as a table whose cells are edited in place: one set of columns at a time (pricing,
 * inventory, shipping and tax), Tab across and Enter down like a spreadsheet, a column pasted from a
 * spreadsheet fills the rows below, "apply to all" for a column, and each server problem on its cell.
 */
export function VariantGrid({
  options,
  variants,
  errors,
  currency,
  images,
  readOnly,
  onChange,
}: {
  options: OptionDraft[];
  variants: VariantDraft[];
  errors: VariantSetErrors;
  currency: string;
  images: ProductImageRef[];
  readOnly: boolean;
  onChange: (variants: VariantDraft[]) => void;
}) {
  const digits = currencyFractionDigits(currency);
  const [shown, setShown] = useState<ColumnSet>('pricing');
  const columns = columnSets[shown].columns;
  const missing = missingCombinations(options, variants).length;

  const errorIn = (set: ColumnSet) =>
    variants.some((v) =>
      columnSets[set].columns.some((c) => {
        const field = cellFieldOf(c);
        return field !== null && errors[cellErrorKey(v.key, field)];
      }),
    );

  // When a save comes back with problems none of which the shown columns hold, show the ones that do.
  const seenErrors = useRef(errors);
  useEffect(() => {
    if (seenErrors.current === errors) return;
    seenErrors.current = errors;
    if (errorIn(shown)) return;
    const withProblem = columnSetOrder.find(errorIn);
    if (withProblem) setShown(withProblem);
  });

  // Rows get callbacks that never change, so typing in one cell draws only that row again.
  const latest = useRef({ variants, onChange });
  useLayoutEffect(() => {
    latest.current = { variants, onChange };
  });
  const edit = useCallback((key: string, change: (variant: VariantDraft) => VariantDraft) => {
    const current = latest.current;
    current.onChange(current.variants.map((variant) => (variant.key === key ? change(variant) : variant)));
  }, []);
  const remove = useCallback((key: string) => {
    const current = latest.current;
    current.onChange(current.variants.filter((variant) => variant.key !== key));
  }, []);

  /** A block copied from a spreadsheet fills cells from the one pasted into, rightwards and down. */
  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const at = cellPosition(event.target);
    const text = event.clipboardData.getData('text');
    if (!at || !/[\n\t]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const block = pastedCells(text);
    onChange(
      variants.map((variant, row) => {
        const line = block[row - at.row];
        if (!line) return variant;
        let next = variant;
        line.forEach((cell, offset) => {
          const column = columns[at.column + offset];
          if (!column || column.kind === 'margin') return;
          if (column.kind === 'flag') next = withFlag(next, column.property, pastedFlag(cell));
          else next = { ...next, [column.property]: cell.trim() };
        });
        return next;
      }),
    );
  };

  const range = priceRange(variants, currency);
  // "New" marks what saving adds to a stored product; on a product not yet saved, every row is.
  const anySaved = variants.some((v) => v.id !== null);

  return (
    <Card withBorder radius="md" padding={0} aria-label="Variants" data-testid="variant-grid">
      <Group justify="space-between" p="lg" pb="sm" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            Variants
          </Title>
          <Badge color="gray">{variants.length}</Badge>
          {range ? (
            <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {range}
            </Text>
          ) : null}
        </Group>
        <SegmentedControl
          size="xs"
          aria-label="Columns"
          value={shown}
          onChange={(value) => setShown(value as ColumnSet)}
          data={columnSetOrder.map((set) => ({
            value: set,
            label: (
              <Group gap={6} wrap="nowrap" justify="center">
                {columnSets[set].label}
                {errorIn(set) ? (
                  <span
                    role="img"
                    aria-label="has problems"
                    style={{
                      width: 6,
                      height: 6,
                      borderRadius: 3,
                      background: 'var(--mantine-color-red-6)',
                    }}
                  />
                ) : null}
              </Group>
            ),
          }))}
        />
      </Group>

      {errors.variants ? (
        <Alert color="red" variant="light" mx="lg" mb="sm" p="xs">
          {errors.variants}
        </Alert>
      ) : null}

      {readOnly || variants.length < 2 ? null : (
        <div style={{ padding: '0 var(--mantine-spacing-lg)' }}>
          <VariantBulkSet
            options={options}
            variants={variants}
            fractionDigits={digits}
            currency={currency}
            onApply={onChange}
          />
        </div>
      )}

      <Table.ScrollContainer minWidth={560} type="native">
        <Table
          aria-label="Variants"
          highlightOnHover={false}
          verticalSpacing={6}
          onKeyDown={onGridKeyDown}
          onPaste={readOnly ? undefined : onPaste}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={stickyCell}>Variant</Table.Th>
              {columns.map((column) => (
                <Table.Th
                  key={column.label}
                  w={column.width}
                  ta={column.kind === 'flag' ? 'center' : column.kind === 'text' ? 'left' : 'right'}
                  style={{
                    whiteSpace: column.kind === 'flag' ? 'normal' : 'nowrap',
                    fontSize: 'var(--mantine-font-size-xs)',
                  }}
                >
                  {column.label}
                  {column.kind === 'money' ? (
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      {currency}
                    </Text>
                  ) : column.kind === 'grams' ? (
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      g
                    </Text>
                  ) : null}
                </Table.Th>
              ))}
              {readOnly ? null : <Table.Th w={44} aria-label="Remove" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {variants.map((variant, row) => (
              <VariantGridRow
                key={variant.key}
                variant={variant}
                row={row}
                columns={columns}
                errors={errors}
                fractionDigits={digits}
                images={images}
                markNew={variant.id === null && anySaved}
                readOnly={readOnly}
                canRemove={variants.length > 1}
                onEdit={edit}
                onRemove={remove}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Group justify="space-between" px="lg" py="sm" gap="xs">
        <Text size="xs" c="dimmed">
          Tab moves across, Enter moves down. Paste a column from a spreadsheet to fill the rows below.
        </Text>
        {missing > 0 && !readOnly ? (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {missing === 1 ? '1 combination is not offered.' : `${missing} combinations are not offered.`}
            </Text>
            <Tooltip
              label={`A product has at most ${variantLimits.variants} variants.`}
              disabled={variants.length + missing <= variantLimits.variants}
            >
              <Button
                variant="subtle"
                size="compact-xs"
                disabled={variants.length + missing > variantLimits.variants}
                onClick={() => onChange(withMissingCombinations(options, variants, variantFromTemplate))}
              >
                Add {missing === 1 ? 'it' : 'them'}
              </Button>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
    </Card>
  );
}

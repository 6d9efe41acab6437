import { Alert, Button, Card, Group, NumberInput, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { lineErrorsFrom } from './line-errors.ts';
import { countQuery, useCountStep, useRecordCounts } from './stock-move-queries.ts';
import { type CountReport, variantLabel } from './stock-move-types.ts';
import { CountStateBadge } from './TransferStateBadge.tsx';

const countRoute = getRouteApi('/signed-in/stores/$store/counts/$countId');

/** +2, −3 (a true minus sign), 0. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

/** A count sheet: enter what was counted (in parts), read the variance report, apply it. */
export function CountSheetScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { countId } = countRoute.useParams();
  const report = useQuery(countQuery(store.handle, countId));

  return (
    <>
      <PageHeader
        title={report.data?.count.name ?? 'Count'}
        badge={report.data ? <CountStateBadge state={report.data.count.state} /> : null}
        description={report.data?.count.locationName}
        actions={
          <ButtonLink
            to="/stores/$store/counts"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Counts
          </ButtonLink>
        }
      />
      {report.isError ? (
        <Text c="red" role="alert">
          {report.error.message}
        </Text>
      ) : report.isPending ? (
        <Skeleton height={200} aria-busy="true" aria-label="Loading count" />
      ) : (
        <CountSheet report={report.data} />
      )}
    </>
  );
}

function CountSheet({ report }: { report: CountReport }) {
  const { store, can } = useCurrentStore();
  const { count, lines, totals } = report;
  const record = useRecordCounts(store.handle, count.id);
  const step = useCountStep(store.handle, count.id);
  const [confirmApply, setConfirmApply] = useState(false);
  // What is typed, by variant, until saved; the saved counts otherwise.
  const [typed, setTyped] = useState<Record<string, number | string>>({});
  const editable = count.state === 'open' && can('inventory:write');
  const shownCount = (variantId: string, saved: number | null) => typed[variantId] ?? saved ?? '';
  // The lines whose typed count differs from the saved one: what "Save counts" sends.
  const changed = lines.flatMap((line) => {
    if (!Object.hasOwn(typed, line.variantId)) return [];
    const value = typed[line.variantId];
    const countedQuantity = value === '' || value === undefined ? null : Number(value);
    return countedQuantity === line.countedQuantity ? [] : [{ variantId: line.variantId, countedQuantity }];
  });
  const recordErrors = lineErrorsFrom(record.error, (index) => record.variables?.[index]?.variantId);
  const stepErrors = lineErrorsFrom(step.error, () => undefined);
  const money = (amount: number) => formatMoney(amount, totals.currency);

  const save = () =>
    record.mutate(changed, {
      onSuccess: () => {
        setTyped({});
        notifySuccess('Counts saved.');
      },
    });

  return (
    <Stack gap="lg">
      <Card withBorder padding={0} radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label="Count sheet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th ta="right">Expected</Table.Th>
                <Table.Th w={140}>Counted</Table.Th>
                <Table.Th ta="right">On hand now</Table.Th>
                <Table.Th ta="right">Variance</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => {
                const error = recordErrors.byVariant[line.variantId] ?? stepErrors.byVariant[line.variantId];
                return (
                  <Table.Tr key={line.variantId}>
                    <Table.Td>{variantLabel(line)}</Table.Td>
                    <Table.Td>{line.sku ?? '—'}</Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.expectedQuantity}
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <NumberInput
                          aria-label={`Counted ${variantLabel(line)}`}
                          min={0}
                          allowDecimal={false}
                          allowNegative={false}
                          value={shownCount(line.variantId, line.countedQuantity)}
                          onChange={(value) => setTyped((prev) => ({ ...prev, [line.variantId]: value }))}
                          error={error}
                        />
                      ) : (
                        <Text size="sm" style={numberCell}>
                          {line.countedQuantity ?? '—'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.onHand}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      style={numberCell}
                      c={line.variance ? (line.variance < 0 ? 'red' : 'green') : undefined}
                    >
                      {line.variance === null ? '—' : signed(line.variance)}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.varianceValueAmount === null ? '—' : money(line.varianceValueAmount)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Group gap="xl" aria-label="Variance totals">
        <Text size="sm">
          Counted <b>{totals.countedLines}</b> of {totals.lines}
        </Text>
        <Text size="sm">
          Over <b>{totals.unitsOver}</b> · short <b>{totals.unitsShort}</b> · net{' '}
          <b>{signed(totals.netUnits)}</b>
        </Text>
        <Text size="sm">
          {totals.linesWithVariance > 0 && totals.linesWithoutCost === totals.linesWithVariance ? (
            'Net value unknown (no average cost yet)'
          ) : (
            <>
              Net value <b>{money(totals.netValueAmount)}</b>
              {totals.linesWithoutCost > 0
                ? ` (${totals.linesWithoutCost} ${totals.linesWithoutCost === 1 ? 'line' : 'lines'} without a cost left out)`
                : ''}
            </>
          )}
        </Text>
      </Group>
      {recordErrors.general || stepErrors.general ? (
        <Alert color="red" role="alert">
          {recordErrors.general ?? stepErrors.general}
        </Alert>
      ) : null}
      {editable ? (
        <Group>
          <Button variant="default" onClick={save} disabled={changed.length === 0} loading={record.isPending}>
            Save counts
          </Button>
          <Button
            onClick={() => setConfirmApply(true)}
            disabled={changed.length > 0 || totals.countedLines === 0}
            title={changed.length > 0 ? 'Save the counts first' : undefined}
          >
            Apply count
          </Button>
          <Button
            variant="subtle"
            color="red"
            loading={step.isPending && step.variables === 'cancel'}
            onClick={() => step.mutate('cancel')}
          >
            Cancel count
          </Button>
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirmApply}
        title={`Apply ${count.name}?`}
        confirmLabel="Apply count"
        loading={step.isPending && step.variables === 'apply'}
        onCancel={() => setConfirmApply(false)}
        onConfirm={() =>
          step.mutate('apply', {
            onSettled: () => setConfirmApply(false),
            onSuccess: () => notifySuccess(`${count.name} applied.`),
          })
        }
      >
        {`On hand at ${count.locationName} becomes what was counted on ${totals.countedLines} lines (net ${signed(totals.netUnits)} units). Uncounted lines are left alone.`}
      </ConfirmDialog>
    </Stack>
  );
}

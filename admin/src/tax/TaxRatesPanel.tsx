import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Menu,
  Select,
  Switch,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { countryName, countryOptions } from '../countries/country-names.ts';
import { CsvImportModal } from '../csv-import/CsvImportModal.tsx';
import { useCsvUpload } from '../csv-import/use-csv-upload.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconDownload, IconPlus, IconReceiptTax, IconUpload } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { RowEditActions } from '../ui/RowEditActions.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { TaxPresetDialog } from './TaxPresetDialog.tsx';
import { TaxRateFormModal } from './TaxRateFormModal.tsx';
import {
  taxClassesQuery,
  taxPresetsQuery,
  taxRatesCsvPath,
  taxRatesImportPath,
  taxRatesQuery,
  useDeleteTaxRate,
  useTaxRefresh,
} from './tax-queries.ts';
import type { TaxCsvImportReport, TaxPreset, TaxRate } from './tax-types.ts';

const taxRoute = getRouteApi('/signed-in/stores/$store/tax');

/**
 * The store's tax rates by country and region, filtered by country, region and class: add, edit and
 * delete them one by one, install a published preset, or move them all as CSV.
 */
export function TaxRatesPanel() {
  const { store, can } = useCurrentStore();
  const writable = can('pricing:write');
  const search = taxRoute.useSearch();
  const navigate = taxRoute.useNavigate();
  const setFilter = (change: { country?: string; region?: string; taxClass?: string }) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  const filter = { country: search.country, region: search.region, taxClass: search.taxClass };
  const filtered = Boolean(filter.country || filter.region || filter.taxClass);
  const rates = useQuery(taxRatesQuery(store.handle, filter));
  const allRates = useQuery({ ...taxRatesQuery(store.handle, {}), enabled: writable });
  const classes = useQuery(taxClassesQuery(store.handle));
  const presets = useQuery(taxPresetsQuery(store.handle));
  const remove = useDeleteTaxRate(store.handle);
  const refresh = useTaxRefresh(store.handle);
  const [editing, setEditing] = useState<TaxRate | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TaxRate | null>(null);
  const [preset, setPreset] = useState<TaxPreset | null>(null);
  const [importing, setImporting] = useState(false);
  const [replace, setReplace] = useState(false);
  const [regionText, setRegionText] = useSearchParamInput(search.region, (region) =>
    setFilter({ region: region ? region.toUpperCase() : undefined }),
  );
  const send = useCsvUpload<TaxCsvImportReport>(taxRatesImportPath(store.handle), {
    replace: String(replace),
  });
  const className = (handle: string) => classes.data?.find((c) => c.handle === handle)?.name ?? handle;
  const rows = rates.data ?? [];

  const presetMenu =
    writable && presets.data ? (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default">Install preset</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {presets.data.map((p) => (
            <Menu.Item key={p.key} onClick={() => setPreset(p)}>
              {p.name.split(':')[0]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    ) : null;

  return (
    <>
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <Select
            aria-label="Country"
            placeholder="All countries"
            data={countryOptions}
            value={filter.country ?? null}
            onChange={(value) => setFilter({ country: value ?? undefined })}
            searchable
            clearable
            w={200}
          />
          <TextInput
            aria-label="Region"
            placeholder="Region (US-CA, or none)"
            value={regionText}
            onChange={(e) => setRegionText(e.currentTarget.value)}
            w={190}
          />
          <Select
            aria-label="Tax class"
            placeholder="All classes"
            data={(classes.data ?? []).map((c) => ({ value: c.handle, label: c.name }))}
            value={filter.taxClass ?? null}
            onChange={(value) => setFilter({ taxClass: value ?? undefined })}
            clearable
            w={190}
          />
        </Group>
        <Group gap="sm">
          {presetMenu}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />}>
                CSV
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                component="a"
                href={taxRatesCsvPath(store.handle)}
                download
                leftSection={<IconDownload size={14} />}
              >
                Download every rate
              </Menu.Item>
              {writable ? (
                <Menu.Item leftSection={<IconUpload size={14} />} onClick={() => setImporting(true)}>
                  Import rates…
                </Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
          {writable ? (
            <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
              Add rate
            </Button>
          ) : null}
        </Group>
      </Group>
      <Card withBorder padding={0} radius="md">
        {rates.isError ? (
          <Text c="red" p="md" role="alert">
            {rates.error.message}
          </Text>
        ) : rates.isPending ? (
          <ListSkeleton label="Loading tax rates" />
        ) : rows.length === 0 ? (
          filtered ? (
            <EmptyState
              py="xl"
              variant="light"
              icon={<IconReceiptTax size={28} />}
              title="No rates match"
              description="Clear the filters to see every rate."
            />
          ) : (
            <EmptyState
              py="xl"
              variant="light"
              icon={<IconReceiptTax size={28} />}
              title="No tax rates yet"
              description="Until a place has rates, nothing sold there is taxed. Install the published EU VAT or US state rates, import a CSV, or add rates one by one."
            >
              {writable && presets.data ? (
                <EmptyState.Actions>
                  {presets.data.map((p) => (
                    <Button key={p.key} variant="light" onClick={() => setPreset(p)}>
                      Install {p.name.split(':')[0]}
                    </Button>
                  ))}
                </EmptyState.Actions>
              ) : null}
            </EmptyState>
          )
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table
              aria-label="Tax rates"
              verticalSpacing="xs"
              highlightOnHover
              style={{ opacity: rates.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Country</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Class</Table.Th>
                  <Table.Th ta="right">Rate</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th ta="right">Priority</Table.Th>
                  <Table.Th>Compound</Table.Th>
                  {writable ? (
                    <Table.Th w={150}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((rate) => (
                  <Table.Tr key={rate.id}>
                    <Table.Td>
                      <Text size="sm">
                        {countryName(rate.country)}{' '}
                        <Text span size="xs" c="dimmed">
                          {rate.country}
                        </Text>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={rate.region ? undefined : 'dimmed'}>
                        {rate.region ?? 'Whole country'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{className(rate.taxClass)}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      <Text size="sm" fw={600}>
                        {rate.ratePercent} %
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {rate.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      <Text size="sm">{rate.priority}</Text>
                    </Table.Td>
                    <Table.Td>
                      {rate.compound ? (
                        <Badge size="sm" variant="light" color="grape">
                          Compound
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    {writable ? (
                      <Table.Td>
                        <RowEditActions
                          name={`${rate.name} (${rate.country})`}
                          onEdit={() => setEditing(rate)}
                          onDelete={() => setDeleting(rate)}
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
      {writable && (creating || editing) && classes.data ? (
        <TaxRateFormModal
          key={editing?.id ?? 'new'}
          rate={editing}
          classes={classes.data}
          onClose={() => {
            setEditing(null);
            setCreating(false);
          }}
        />
      ) : null}
      {writable && preset && classes.data ? (
        <TaxPresetDialog
          preset={preset}
          classes={classes.data}
          rates={allRates.data ?? []}
          onClose={() => setPreset(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete tax rate?"
        confirmLabel="Delete rate"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(`${deleting.name} deleted.`);
              setDeleting(null);
            },
            onError: (error) => notifyError(error, 'Not deleted'),
          })
        }
      >
        {deleting
          ? `${deleting.name} (${deleting.ratePercent} %) in ${countryName(deleting.country)}${deleting.region ? ` ${deleting.region}` : ''} goes. If it was the place’s last rate of its class, the standard rates apply to that class there.`
          : ''}
      </ConfirmDialog>
      {writable ? (
        <CsvImportModal<TaxCsvImportReport>
          opened={importing}
          onClose={() => setImporting(false)}
          title="Import tax rates"
          intro="Columns: country, region, class, rate (percent), name, priority, compound. A row updates the rate of the same country, region, class and name, or adds one. The file is checked first; nothing changes until you import it."
          hint="The CSV “Download every rate” gives, or one in its columns"
          testId="tax-rates-dropzone"
          options={
            <Switch
              label="Delete the rates the file leaves out"
              description="Off: rates not in the file stay as they are."
              checked={replace}
              onChange={(e) => setReplace(e.currentTarget.checked)}
            />
          }
          send={send}
          summarize={(report) => ({
            changes: report.created + report.updated + report.deleted,
            counts: [
              { label: 'Rows read', value: report.rows },
              { label: report.dryRun ? 'Will add' : 'Added', value: report.created, highlight: true },
              { label: report.dryRun ? 'Will update' : 'Updated', value: report.updated, highlight: true },
              { label: report.dryRun ? 'Will delete' : 'Deleted', value: report.deleted, highlight: true },
              { label: 'Unchanged', value: report.unchanged },
            ],
          })}
          onApplied={(report) => {
            refresh();
            notifySuccess(
              `${report.created} added, ${report.updated} updated, ${report.deleted} deleted.`,
              'Tax rates imported',
            );
          }}
        />
      ) : null}
    </>
  );
}

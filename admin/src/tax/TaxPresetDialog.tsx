import { Alert, Anchor, Button, Chip, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { countryName } from '../countries/country-names.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useInstallTaxPreset } from './tax-queries.ts';
import type { TaxClass, TaxPreset, TaxRate } from './tax-types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Says what installing a preset will do before it does it: the classes it adds, the rates it writes
 * (by country, so a store can take only some countries), that rates of the same name it has are set
 * back to the published figures and that its other rates stay; and where the figures come from.
 */
export function TaxPresetDialog({
  preset,
  classes,
  rates,
  onClose,
}: {
  preset: TaxPreset;
  classes: TaxClass[];
  /** The store's rates now, to say which the preset would change. */
  rates: TaxRate[];
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const install = useInstallTaxPreset(store.handle);
  const countries = [...new Set(preset.rates.map((r) => r.country))];
  const [chosen, setChosen] = useState<string[]>(countries);
  const picked = preset.rates.filter((r) => chosen.includes(r.country));
  const newClasses = preset.classes.filter((c) => !classes.some((own) => own.handle === c.handle));
  const identity = (r: { country: string; region: string | null; taxClass: string; name: string }) =>
    [r.country, r.region ?? '', r.taxClass, r.name].join('|');
  const existing = new Map(rates.map((r) => [identity(r), r]));
  const changes = picked.filter((r) => existing.get(identity(r))?.ratePpm !== r.ratePpm);
  const resets = picked.filter((r) => {
    const own = existing.get(identity(r));
    return own !== undefined && own.ratePpm !== r.ratePpm;
  });
  const className = (handle: string) =>
    classes.find((c) => c.handle === handle)?.name ??
    preset.classes.find((c) => c.handle === handle)?.name ??
    handle;

  const confirm = () =>
    install.mutate(
      { key: preset.key, countries: chosen.length === countries.length ? null : chosen },
      {
        onSuccess: (report) => {
          notifySuccess(
            `${plural(report.created, 'rate', 'rates')} added, ${plural(report.updated, 'rate', 'rates')} updated, ${report.unchanged} unchanged.`,
            `${preset.name.split(':')[0]} installed`,
          );
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={`Install ${preset.name.split(':')[0]}?`} size="lg">
      <Stack gap="md">
        <Text size="sm">{preset.name}.</Text>
        <div>
          <Text size="sm" fw={600} mb={6}>
            Countries
          </Text>
          <Chip.Group multiple value={chosen} onChange={setChosen}>
            <Group gap={6}>
              {countries.map((country) => (
                <Chip key={country} value={country} size="sm">
                  {countryName(country)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <List size="sm" spacing={4}>
          {newClasses.length > 0 ? (
            <List.Item>
              Adds the tax {newClasses.length === 1 ? 'class' : 'classes'}{' '}
              {newClasses.map((c) => `“${c.name}”`).join(' and ')}.
            </List.Item>
          ) : null}
          <List.Item>
            Writes {plural(picked.length, 'rate', 'rates')}:{' '}
            {changes.length === 0
              ? 'the store has every one of them already, so nothing changes.'
              : `${changes.length - resets.length} new${resets.length > 0 ? `, ${resets.length} set back to the published figure` : ''}.`}
          </List.Item>
          <List.Item>Your other rates stay as they are. Installing again changes nothing.</List.Item>
        </List>
        <Table.ScrollContainer minWidth={420} mah={220}>
          <Table aria-label="Rates the preset writes" verticalSpacing={4} stickyHeader withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Country</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Class</Table.Th>
                <Table.Th ta="right">Rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {picked.map((r) => (
                <Table.Tr key={identity(r)}>
                  <Table.Td>{countryName(r.country)}</Table.Td>
                  <Table.Td>{r.region ?? 'Whole country'}</Table.Td>
                  <Table.Td>{className(r.taxClass)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {r.ratePercent} %
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          Source:{' '}
          <Anchor href={preset.source.url} target="_blank" rel="noreferrer" size="xs">
            {preset.source.title}
          </Anchor>
          . Figures as of {preset.source.asOf}; rates change, so check them before you rely on them.
        </Text>
        {install.isError ? (
          <Alert color="red" role="alert" title="Not installed">
            {install.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={install.isPending}>
            Cancel
          </Button>
          <Button onClick={confirm} loading={install.isPending} disabled={picked.length === 0} data-autofocus>
            Install {plural(picked.length, 'rate', 'rates')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

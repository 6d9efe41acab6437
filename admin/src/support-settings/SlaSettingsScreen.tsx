import {
  Badge,
  Card,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Skeleton,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { SettingsSection } from '../ui/SettingsSection.tsx';
import { durationLabel } from './duration-label.ts';
import {
  type DayHours,
  type Priority,
  priorities,
  type SlaSettings,
  slaSettingsQuery,
  useUpdateSlaSettings,
} from './support-settings-queries.ts';

const weekdays = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const;
type Weekday = (typeof weekdays)[number][0];

const priorityLabels: Record<Priority, string> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

/**
 * Support → SLA: how fast the team promises to answer and to solve, per priority, counted in the
 * team's opening hours (per weekday, in the store's time zone, less closed dates). The inbox's
 * breach warnings, its "breached" and "due soon" filters and the briefing follow these.
 */
export function SlaSettingsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const settings = useQuery(slaSettingsQuery(store.handle));
  return (
    <>
      <PageHeader
        title="Support SLA"
        description="Response and resolution targets per priority, counted in business hours."
        badge={settings.data && !settings.data.custom ? <Badge variant="light">Defaults</Badge> : undefined}
      />
      {settings.isError ? (
        <LoadFailed what="The SLA settings" error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.isPending ? (
        <Skeleton height={620} radius="md" maw={820} />
      ) : (
        <SlaForm
          key={JSON.stringify(settings.data)}
          settings={settings.data}
          writable={can('support:write')}
        />
      )}
    </>
  );
}

type Targets = Record<
  Priority,
  { firstResponseMinutes: number | string; resolutionMinutes: number | string }
>;
type Week = Record<Weekday, { isOpen: boolean } & DayHours>;

function SlaForm({ settings, writable }: { settings: SlaSettings; writable: boolean }) {
  const { store } = useCurrentStore();
  const update = useUpdateSlaSettings(store.handle);
  const [targets, setTargets] = useState<Targets>(settings.targets);
  const [week, setWeek] = useState<Week>(
    () =>
      Object.fromEntries(
        weekdays.map(([d]) => {
          const hours = settings.hours.days[d];
          return [d, { isOpen: Boolean(hours), ...(hours ?? { open: '09:00', close: '17:00' }) }];
        }),
      ) as Week,
  );
  const [closedDates, setClosedDates] = useState<string[]>(settings.hours.closedDates);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const setTarget = (
    p: Priority,
    field: 'firstResponseMinutes' | 'resolutionMinutes',
    value: number | string,
  ) => setTargets((t) => ({ ...t, [p]: { ...t[p], [field]: value } }));
  const setDay = (d: Weekday, change: Partial<Week[Weekday]>) =>
    setWeek((w) => ({ ...w, [d]: { ...w[d], ...change } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const p of priorities) {
      for (const field of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
        const v = targets[p][field];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
          found[`targets.${p}.${field}`] = 'Whole minutes, at least 1.';
      }
      if (
        !found[`targets.${p}.resolutionMinutes`] &&
        Number(targets[p].resolutionMinutes) < Number(targets[p].firstResponseMinutes)
      )
        found[`targets.${p}.resolutionMinutes`] = 'Not shorter than the first response.';
    }
    const days: SlaSettings['hours']['days'] = {};
    for (const [d] of weekdays) {
      const day = week[d];
      if (!day.isOpen) continue;
      if (!day.open || !day.close || day.close <= day.open)
        found[`hours.days.${d}`] = 'Closes after it opens.';
      days[d] = { open: day.open, close: day.close };
    }
    if (Object.keys(days).length === 0) found['hours.days'] = 'Open on at least one day.';
    const badDate = closedDates.find((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date));
    if (badDate) found['hours.closedDates'] = `${badDate} is not a date such as 2026-12-25.`;
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    update.mutate(
      { targets: targets as SlaSettings['targets'], hours: { days, closedDates } },
      {
        onSuccess: () => notifySuccess('SLA saved. Open tickets follow the new targets.'),
        onError: (error) => {
          const path =
            error instanceof ApiError ? (error.details as { path?: unknown } | undefined)?.path : undefined;
          if (typeof path === 'string') setErrors({ [path]: error.message });
          else setGeneral(error.message);
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" maw={820}>
      <form onSubmit={submit} noValidate aria-label="SLA settings">
        <Stack gap="lg">
          <SettingsSection
            title="Targets"
            description="Business minutes from the moment a ticket arrives: until the first answer, and until it is solved. A ticket is “due soon” with under a fifth of its target left."
          >
            <Table withRowBorders={false} verticalSpacing={4} aria-label="Targets per priority">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>First response</Table.Th>
                  <Table.Th>Resolution</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {priorities.map((p) => (
                  <Table.Tr key={p}>
                    <Table.Td>
                      <Text fw={500}>{priorityLabels[p]}</Text>
                    </Table.Td>
                    {(['firstResponseMinutes', 'resolutionMinutes'] as const).map((field) => (
                      <Table.Td key={field}>
                        <NumberInput
                          aria-label={`${priorityLabels[p]} ${field === 'firstResponseMinutes' ? 'first response' : 'resolution'} (minutes)`}
                          suffix=" min"
                          value={targets[p][field]}
                          onChange={(v) => setTarget(p, field, v)}
                          clampBehavior="none"
                          allowDecimal={false}
                          allowNegative={false}
                          description={durationLabel(Number(targets[p][field]))}
                          error={errors[`targets.${p}.${field}`]}
                          disabled={!writable}
                          maw={200}
                          inputWrapperOrder={['label', 'input', 'description', 'error']}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Business hours"
            description={`When the team works, in the store’s time zone (${settings.timezone}). Nights, closed days and closed dates do not count against the targets.`}
          >
            <Stack gap={6}>
              {weekdays.map(([d, name]) => {
                const day = week[d];
                return (
                  <Group key={d} gap="sm" wrap="nowrap" align="flex-start">
                    <Checkbox
                      label={name}
                      checked={day.isOpen}
                      onChange={(e) => setDay(d, { isOpen: e.currentTarget.checked })}
                      disabled={!writable}
                      w={130}
                      mt={8}
                    />
                    {day.isOpen ? (
                      <>
                        <TextInput
                          type="time"
                          aria-label={`${name} opens`}
                          value={day.open}
                          onChange={(e) => setDay(d, { open: e.currentTarget.value })}
                          disabled={!writable}
                          w={150}
                        />
                        <Text mt={8}>to</Text>
                        <TextInput
                          type="time"
                          aria-label={`${name} closes`}
                          value={day.close}
                          onChange={(e) => setDay(d, { close: e.currentTarget.value })}
                          error={errors[`hours.days.${d}`]}
                          disabled={!writable}
                          w={150}
                        />
                      </>
                    ) : (
                      <Text c="dimmed" mt={8}>
                        Closed
                      </Text>
                    )}
                  </Group>
                );
              })}
              {errors['hours.days'] ? (
                <Text c="red" size="sm" role="alert">
                  {errors['hours.days']}
                </Text>
              ) : null}
            </Stack>
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Closed dates"
            description="Holidays and other days the team is away (yyyy-mm-dd)."
          >
            <TagsInput
              aria-label="Closed dates"
              placeholder="2026-12-25, Enter"
              value={closedDates}
              onChange={setClosedDates}
              error={errors['hours.closedDates']}
              disabled={!writable}
              clearable
            />
          </SettingsSection>
          {writable ? (
            <FormFooter general={general} submitLabel="Save SLA" pending={update.isPending} />
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

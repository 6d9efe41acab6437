import { Group, Select, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { notifyError } from '../ui/notify.ts';
import { briefingMailQuery, useSetBriefingMail } from './briefing-queries.ts';

const hours = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00`,
}));

/** The reader's own morning e-mail (all their stores), at an hour of their clock (the browser's zone). */
export function MorningMailSwitch() {
  const setting = useQuery(briefingMailQuery());
  const save = useSetBriefingMail();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const current = setting.data;
  const change = (enabled: boolean, sendHour: number) =>
    save.mutate({ enabled, sendHour, timeZone }, { onError: (error) => notifyError(error) });
  return (
    <Group gap="sm" wrap="nowrap">
      <Switch
        label="E-mail me this every morning"
        checked={current?.enabled ?? false}
        disabled={!current || save.isPending}
        onChange={(e) => change(e.currentTarget.checked, current?.sendHour ?? 7)}
      />
      {current?.enabled ? (
        <Select
          aria-label="Send at"
          data={hours}
          value={String(current.sendHour)}
          onChange={(value) => value !== null && change(true, Number(value))}
          w={96}
          allowDeselect={false}
        />
      ) : null}
    </Group>
  );
}

import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { useCancelSchedule, useScheduleChange } from './workflow-queries.ts';
import type { ProductWorkflow } from './workflow-types.ts';

const actionWords = { publish: 'Publish', unpublish: 'Unpublish' } as const;

/** 2031-07-01T09:00 → "2031-07-01 09:00". */
const readable = (local: string) => local.replace('T', ' ');

/**
 * Plans a publish or unpublish at a wall-clock time of the store — the store's time zone, whatever
 * the browser's is — and lists what is planned, each with a way to cancel it.
 */
export function ScheduleControls({
  store,
  workflow,
  disabled,
}: {
  store: string;
  workflow: ProductWorkflow;
  disabled: boolean;
}) {
  const [at, setAt] = useState('');
  const schedule = useScheduleChange(store, workflow.productId);
  const cancel = useCancelSchedule(store, workflow.productId);
  const live = workflow.status === 'active';
  const publishable = workflow.revision ? workflow.revision.state === 'approved' : !live;

  const plan = (action: 'publish' | 'unpublish') => {
    schedule.mutate(
      { action, at },
      {
        onSuccess: ({ schedule: planned }) => {
          setAt('');
          notifySuccess(
            `${actionWords[action]} planned for ${readable(planned.localTime)} (${planned.timezone}).`,
            'Scheduled',
          );
        },
        onError: (error) => notifyError(error, 'Not scheduled'),
      },
    );
  };

  return (
    <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      {workflow.schedules.map((s) => (
        <Group key={s.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="planned-change">
          <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
            {actionWords[s.action]} on {readable(s.localTime)}{' '}
            <Text span size="xs" c="dimmed">
              ({s.timezone})
            </Text>
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            style={{ flexShrink: 0 }}
            loading={cancel.isPending && cancel.variables === s.id}
            onClick={() =>
              cancel.mutate(s.id, {
                onSuccess: () => notifySuccess(`The planned ${s.action} was cancelled.`, 'Cancelled'),
                onError: (error) => notifyError(error, 'Not cancelled'),
              })
            }
          >
            Cancel
          </Button>
        </Group>
      ))}
      {workflow.recentSchedules[0]?.state === 'failed' ? (
        <Text size="xs" c="red.8">
          The planned {workflow.recentSchedules[0].action} for{' '}
          {readable(workflow.recentSchedules[0].localTime)} did not happen:{' '}
          {workflow.recentSchedules[0].outcome}
        </Text>
      ) : null}
      <TextInput
        type="datetime-local"
        label="Schedule"
        description={`Date and time in the store’s time zone (${workflow.timezone})`}
        value={at}
        onChange={(event) => setAt(event.currentTarget.value)}
        disabled={disabled}
      />
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => plan('publish')}
          disabled={disabled || !at || !publishable}
          loading={schedule.isPending && schedule.variables?.action === 'publish'}
        >
          Schedule publish
        </Button>
        <Button
          size="xs"
          variant="light"
          color="gray"
          onClick={() => plan('unpublish')}
          disabled={disabled || !at || (!live && workflow.schedules.every((s) => s.action !== 'publish'))}
          loading={schedule.isPending && schedule.variables?.action === 'unpublish'}
        >
          Schedule unpublish
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Card, EmptyState, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconShield } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { PrivacyRequestsTable } from './PrivacyRequestsTable.tsx';
import { privacyRequestsQuery, privacySettingsQuery, useSaveRetention } from './privacy-queries.ts';

const retentionOptions = [
  { value: '2', label: '2 months' },
  { value: '14', label: '14 months' },
  { value: '26', label: '26 months' },
  { value: '38', label: '38 months' },
  { value: '50', label: '50 months' },
  { value: 'forever', label: 'Forever' },
];

function RetentionCard({ store }: { store: string }) {
  const settings = useQuery(privacySettingsQuery(store));
  const save = useSaveRetention(store);
  const [choice, setChoice] = useState<string | null>(null);
  const stored = settings.data ? String(settings.data.analyticsRetentionMonths ?? 'forever') : null;
  useEffect(() => setChoice(stored), [stored]);
  if (settings.isPending) return <ListSkeleton label="Loading the retention setting" rows={1} />;
  if (settings.isError) {
    return (
      <LoadFailed
        what="The retention setting"
        error={settings.error}
        onRetry={() => void settings.refetch()}
      />
    );
  }
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h4">
        Analytics data retention
      </Title>
      <Text size="sm" c="dimmed" mt={4} maw={640}>
        How long raw storefront events (page views, searches, carts, with their visitor ids) are kept. Older
        events are deleted every day; daily reports and their totals are kept whatever you choose.
      </Text>
      <Group mt="md" align="end">
        <Select
          label="Keep raw events for"
          data={retentionOptions}
          value={choice}
          onChange={setChoice}
          allowDeselect={false}
          w={220}
        />
        <Button
          disabled={choice === stored || choice === null}
          loading={save.isPending}
          onClick={() =>
            save.mutate(choice === 'forever' ? null : Number(choice), {
              onSuccess: () => notifySuccess('Retention saved'),
              onError: (err) => notifyError(err, 'The retention was not saved'),
            })
          }
        >
          Save
        </Button>
      </Group>
    </Card>
  );
}

/** Privacy: the log of customers' data exports and erasures, and how long analytics events are kept. */
export function PrivacyScreen() {
  const { store } = useCurrentStore();
  const requests = useQuery(privacyRequestsQuery(store.handle));
  return (
    <>
      <PageHeader
        title="Privacy"
        description="Customers’ data exports and erasures, and how long analytics data is kept. Export or erase a customer from their profile."
      />
      <Stack gap="lg">
        <Card withBorder padding={0} radius="md">
          <Title order={3} size="h4" p="md" pb={0}>
            Privacy requests
          </Title>
          {requests.isError ? (
            <LoadFailed
              what="The privacy requests"
              error={requests.error}
              onRetry={() => void requests.refetch()}
            />
          ) : requests.isPending ? (
            <ListSkeleton label="Loading the privacy requests" rows={4} height={28} />
          ) : requests.data.items.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconShield size={28} />}
              variant="light"
              title="No privacy requests yet"
              description="Data exports and erasures of customers will be listed here."
            />
          ) : (
            <PrivacyRequestsTable store={store.handle} items={requests.data.items} />
          )}
        </Card>
        <RetentionCard store={store.handle} />
      </Stack>
    </>
  );
}

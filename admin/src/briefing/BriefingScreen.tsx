import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCurrentStore } from '../stores/current-store.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ActionList } from './ActionList.tsx';
import { briefingQuery } from './briefing-queries.ts';
import { MorningMailSwitch } from './MorningMailSwitch.tsx';
import { YesterdayCard } from './YesterdayCard.tsx';

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/**
 * The store's home: what happened yesterday against what was expected, and a ranked list of what to
 * do now, each a link to the screen that does it (docs/briefing.md). What it holds follows the
 * reader's permissions; the server leaves the rest out.
 */
export function BriefingScreen() {
  const { store } = useCurrentStore();
  const briefing = useQuery(briefingQuery(store.handle));
  const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(),
  );
  return (
    <>
      <PageHeader
        title={greeting(new Date().getHours())}
        description={`${today} — ${store.name}: what happened yesterday and what to do now`}
        actions={<MorningMailSwitch />}
      />
      {briefing.isError ? (
        <LoadFailed what="The briefing" error={briefing.error} onRetry={() => void briefing.refetch()} />
      ) : !briefing.data ? (
        <Skeleton height={240} radius="md" />
      ) : (
        <>
          <ActionList actions={briefing.data.actions} />
          {briefing.data.yesterday ? (
            <YesterdayCard
              day={briefing.data.day}
              currency={briefing.data.store.currency}
              metrics={briefing.data.yesterday}
            />
          ) : null}
          <Text size="xs" c="dimmed">
            Amounts at stake are estimates: sales lost while out of stock, spend beyond what a campaign
            brought, revenue a fall cost against what was expected.
          </Text>
        </>
      )}
    </>
  );
}

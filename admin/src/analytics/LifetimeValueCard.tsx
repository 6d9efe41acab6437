import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { currencyFractionDigits, formatMinorAsDecimal, formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { lifetimeValueQuery } from './analytics-queries.ts';

/** Predicted value of the customers over the next 12 months, and how it spreads (BG/NBD + Gamma-Gamma). */
export function LifetimeValueCard({ store }: { store: string }) {
  const report = useQuery(lifetimeValueQuery(store));
  const data = report.data;
  return (
    <Card withBorder padding="md" aria-label="Customer lifetime value">
      <Text fw={600}>Customer lifetime value</Text>
      <Text size="sm" c="dimmed" mb="sm">
        What each customer is likely to spend in the next 12 months, from how often and how recently they
        bought.
      </Text>
      {report.isError ? (
        <LoadFailed what="The lifetime values" error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? null : data.status === 'not_enough_history' ? (
        <Text size="sm">
          Not enough history yet: the prediction needs at least {data.minimumCustomers} customers, of whom{' '}
          {data.minimumRepeatBuyers} have ordered more than once (now {data.customers} and {data.repeatBuyers}
          ).
        </Text>
      ) : data.status === 'no_fit' ? (
        <Text size="sm">
          The model does not fit this store's {data.customers} customers yet ({data.repeatBuyers} of them
          ordered more than once): their orders do not yet show how often customers come back and when they
          stop. It is tried again as orders come in.
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
            <Stat
              label="Next 12 months, all customers"
              value={formatMoney(data.totals.predictedValue, data.currency)}
            />
            <Stat
              label="Per customer (mean)"
              value={formatMoney(data.totals.meanPredictedValue, data.currency)}
            />
            <Stat label="Per customer (median)" value={formatMoney(data.distribution.p50, data.currency)} />
            <Stat label="Probably lost" value={`${data.totals.probablyLost} of ${data.customers}`} />
          </SimpleGrid>
          <BarChart
            h={160}
            data={data.histogram.map((bin) => ({
              range: `${formatMinorAsDecimal(bin.from, currencyFractionDigits(data.currency)).replace(/\.0+$/, '')}${bin.to === null ? '+' : ''}`,
              customers: bin.customers,
            }))}
            dataKey="range"
            series={[{ name: 'customers', label: 'Customers', color: 'blue.6' }]}
            aria-label="Customers by predicted value"
          />
          {!data.model.converged ? (
            <Text size="xs" c="dimmed" mt="xs">
              The model's fit is approximate: customers here stop buying at much the same rate.
            </Text>
          ) : null}
        </>
      )}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={0} style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Group>
  );
}

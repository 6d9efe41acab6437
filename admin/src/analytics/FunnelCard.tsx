import { Card, Group, Progress, Stack, Text } from '@mantine/core';
import type { KpiReport } from './analytics-types.ts';

const stepLabels: Record<string, string> = {
  sessions: 'Sessions',
  add_to_cart: 'Added to cart',
  begin_checkout: 'Reached checkout',
  add_shipping_info: 'Chose shipping',
  add_payment_info: 'Entered payment',
  purchase: 'Ordered',
};

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** The checkout funnel of the period: sessions at each step, and the rate from the step before. */
export function FunnelCard({ report }: { report: KpiReport }) {
  return (
    <Card withBorder padding="md" aria-label="Checkout funnel">
      <Text fw={600} mb="sm">
        Checkout funnel
      </Text>
      <Stack gap="xs">
        {report.funnel.map((step) => (
          <div key={step.step}>
            <Group justify="space-between" gap="xs">
              <Text size="sm">{stepLabels[step.step] ?? step.step}</Text>
              <Text size="sm" c="dimmed">
                {new Intl.NumberFormat().format(step.sessions)}
                {step.fromPrevious !== null ? ` · ${percent(step.fromPrevious)} of the step before` : ''}
              </Text>
            </Group>
            <Progress value={(step.fromStart ?? 0) * 100} size="sm" aria-hidden />
          </div>
        ))}
      </Stack>
    </Card>
  );
}

import { Alert, Button, Card, FileButton, Group, List, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/http.ts';
import { postWithProgress } from '../api/upload-with-progress.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { formatMoney } from '../money/minor-units.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import { IconUpload } from '../ui/icons.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { analyticsKey, campaignsQuery } from './analytics-queries.ts';
import type { AdSpendImportResult } from './analytics-types.ts';

const ratio = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);

interface Problem {
  message: string;
  lines: string[];
}

/**
 * What the ad spend bought, per campaign and channel: spend (imported from the ad platforms'
 * reports), the sessions tagged with the campaign, their orders and net sales, ROAS and cost per
 * order; MER over everything. A report is imported with one click; a file with a bad row is
 * refused with each problem's line.
 */
export function CampaignsPanel({
  store,
  period,
  canImport,
}: {
  store: string;
  period: { from: string; to: string };
  /** The reader may import spend (analytics:write). */
  canImport: boolean;
}) {
  const queryClient = useQueryClient();
  const report = useQuery(campaignsQuery(store, period));
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const currency = report.data?.currency ?? 'EUR';
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, currency));

  async function upload(file: File | null) {
    if (!file) return;
    setProblem(null);
    setUploading(true);
    try {
      const result = await postWithProgress<AdSpendImportResult>({
        path: storeApiPath(store, '/marketing/ad-spend'),
        body: file,
        contentType: 'text/csv',
        csrfToken: queryClient.getQueryData(sessionQuery.queryKey)?.csrfToken ?? null,
        expectedBytes: file.size,
        onProgress: () => {},
      });
      notifySuccess(
        `${file.name}: ${result.campaigns.length} campaign(s) over ${result.days} day(s), ${formatMoney(result.spend, currency)} imported.`,
      );
      await queryClient.invalidateQueries({ queryKey: analyticsKey(store) });
    } catch (error) {
      const details =
        error instanceof ApiError
          ? (error.details as { problems?: { line: number | null; message: string }[] })
          : undefined;
      setProblem({
        message: error instanceof Error ? error.message : 'The import failed.',
        lines: (details?.problems ?? [])
          .slice(0, 8)
          .map((p) => (p.line ? `Line ${p.line}: ${p.message}` : p.message)),
      });
    } finally {
      setUploading(false);
    }
  }

  return (
    <Stack gap="sm">
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>Ad spend and returns</Text>
            <Text size="sm" c="dimmed">
              Import the campaign report (by day) exported from Google Ads or Meta Ads Manager, or the manual
              layout (date, campaign, spend, currency). Sessions count for a campaign when they arrive with
              its utm_campaign.
            </Text>
          </div>
          {canImport ? (
            <FileButton onChange={(f) => void upload(f)} accept=".csv,text/csv,text/plain">
              {(props) => (
                <Button {...props} leftSection={<IconUpload />} loading={uploading} variant="default">
                  Import spend report
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
        {problem ? (
          <Alert color="red" variant="light" mt="sm" title="Nothing was imported" role="alert">
            <Text size="sm">{problem.message}</Text>
            {problem.lines.length > 0 ? (
              <List size="sm" mt={4}>
                {problem.lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        {report.data ? (
          <Group mt="sm" gap="xl">
            <Text size="sm">
              Spend <b>{money(report.data.totals.spend)}</b>
            </Text>
            <Text size="sm">
              Net sales <b>{money(report.data.totals.netSales)}</b>
            </Text>
            <Text size="sm">
              MER <b>{ratio(report.data.totals.mer)}</b>
            </Text>
          </Group>
        ) : null}
      </Card>
      {report.isError ? (
        <LoadFailed what="The campaigns" error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Card withBorder padding="md">
            <Text fw={600} mb="sm">
              Campaigns
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label="Campaigns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Campaign</Table.Th>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th ta="right">Spend</Table.Th>
                    <Table.Th ta="right">Clicks</Table.Th>
                    <Table.Th ta="right">Sessions</Table.Th>
                    <Table.Th ta="right">Orders</Table.Th>
                    <Table.Th ta="right">Net sales</Table.Th>
                    <Table.Th ta="right">ROAS</Table.Th>
                    <Table.Th ta="right">Cost per order</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(report.data?.campaigns ?? []).map((c) => (
                    <Table.Tr key={`${c.platform}|${c.campaign}`}>
                      <Table.Td>{c.campaign}</Table.Td>
                      <Table.Td>{c.channel}</Table.Td>
                      <Table.Td ta="right">{money(c.spend)}</Table.Td>
                      <Table.Td ta="right">{new Intl.NumberFormat().format(c.clicks)}</Table.Td>
                      <Table.Td ta="right">{c.sessions}</Table.Td>
                      <Table.Td ta="right">{c.orders}</Table.Td>
                      <Table.Td ta="right">{money(c.netSales)}</Table.Td>
                      <Table.Td ta="right" c={c.roas !== null && c.roas < 1 ? 'red' : undefined}>
                        {ratio(c.roas)}
                      </Table.Td>
                      <Table.Td ta="right">{money(c.costPerOrder)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {report.data && report.data.campaigns.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={9}>
                        <Text size="sm" c="dimmed">
                          No ad spend in this period yet: import a campaign report above.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Card withBorder padding="md">
            <Text fw={600} mb="sm">
              Channels
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label="Channels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th ta="right">Spend</Table.Th>
                    <Table.Th ta="right">Sessions</Table.Th>
                    <Table.Th ta="right">Orders</Table.Th>
                    <Table.Th ta="right">Net sales</Table.Th>
                    <Table.Th ta="right">ROAS</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(report.data?.channels ?? []).map((c) => (
                    <Table.Tr key={c.channel}>
                      <Table.Td>{c.channel}</Table.Td>
                      <Table.Td ta="right">{c.spend > 0 ? money(c.spend) : '—'}</Table.Td>
                      <Table.Td ta="right">{c.sessions}</Table.Td>
                      <Table.Td ta="right">{c.orders}</Table.Td>
                      <Table.Td ta="right">{money(c.netSales)}</Table.Td>
                      <Table.Td ta="right">{ratio(c.roas)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      )}
    </Stack>
  );
}

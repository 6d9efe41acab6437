import { Alert, Button, Card, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/http.ts';
import { postWithProgress } from '../api/upload-with-progress.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { AttributionCard } from '../marketing/AttributionCard.tsx';
import { CampaignPlansCard } from '../marketing/CampaignPlansCard.tsx';
import { DiscountCodesCard } from '../marketing/DiscountCodesCard.tsx';
import { marketingKey } from '../marketing/marketing-queries.ts';
import { formatMoney } from '../money/minor-units.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import { IconUpload } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { analyticsKey } from './analytics-queries.ts';
import type { AdSpendImportResult } from './analytics-types.ts';

interface Problem {
  message: string;
  lines: string[];
}

/**
 * The marketing tab: ad spend imported from the platforms' reports (a file with a bad row is
 * refused with each problem's line), campaign plans with budget pacing and manual spend, returns
 * attributed by a chosen model (ROAS, CPA, CAC, MER), and discount code performance.
 */
export function CampaignsPanel({
  store,
  period,
  canImport,
}: {
  store: string;
  period: { from: string; to: string };
  /** The reader may plan campaigns and import or record spend (marketing:write). */
  canImport: boolean;
}) {
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const currency =
    queryClient.getQueryData<{ currency: string }>([...marketingKey(store), 'campaigns'])?.currency ?? 'EUR';

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
      await queryClient.invalidateQueries({ queryKey: marketingKey(store) });
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
      </Card>
      <CampaignPlansCard store={store} canWrite={canImport} />
      <AttributionCard store={store} period={period} />
      <DiscountCodesCard store={store} period={period} />
    </Stack>
  );
}

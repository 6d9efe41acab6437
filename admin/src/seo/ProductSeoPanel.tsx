import { Alert, Group, RingProgress, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FindingList } from './FindingList.tsx';
import { type EditedListing, liveSnippet } from './live-snippet.ts';
import { scoreColor } from './rule-labels.ts';
import { SnippetPreview } from './SnippetPreview.tsx';
import { productSeoQuery } from './seo-queries.ts';

/**
 * The editor's SEO panel, under the meta fields: the Google result as the listing reads now (unsaved
 * edits included), and the audit's score and findings for the saved version, which follow every save.
 */
export function ProductSeoPanel({
  store,
  productId,
  updatedAt,
  listing,
  unsaved,
}: {
  store: string;
  productId: string;
  /** The saved product's last change; a new value re-runs the audit. */
  updatedAt: string;
  listing: EditedListing;
  unsaved: boolean;
}) {
  const seo = useQuery(productSeoQuery(store, productId, updatedAt));
  return (
    <Stack gap="md" aria-label="SEO" id="seo">
      {seo.isError ? (
        <Alert color="red" title="The audit could not be loaded">
          {seo.error.message}
        </Alert>
      ) : !seo.data ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={96} />
          <Skeleton height={48} />
        </Stack>
      ) : (
        <>
          <SnippetPreview snippet={liveSnippet(listing, seo.data.site)} />
          <Group justify="space-between" align="center" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                Audit findings
              </Text>
              {unsaved ? (
                <Text size="xs" c="dimmed">
                  For the saved version; save to check your changes.
                </Text>
              ) : null}
            </Stack>
            <Group gap={6} aria-label={`SEO score ${seo.data.score} out of 100`} wrap="nowrap">
              <RingProgress
                size={44}
                thickness={4}
                roundCaps
                sections={[{ value: seo.data.score, color: scoreColor(seo.data.score) }]}
                label={
                  <Text ta="center" size="xs" fw={700} data-testid="seo-score">
                    {seo.data.score}
                  </Text>
                }
              />
              <Text size="xs" c="dimmed">
                SEO score
              </Text>
            </Group>
          </Group>
          <FindingList findings={seo.data.findings} />
        </>
      )}
    </Stack>
  );
}

import {
  Card,
  EmptyState,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { ProductStatusBadge } from '../products/ProductStatusBadge.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconSearch } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { ruleLabel, scoreColor } from './rule-labels.ts';
import { SeverityBadge } from './SeverityBadge.tsx';
import { storeSeoAuditQuery } from './seo-queries.ts';
import type { SeoSeverity } from './seo-types.ts';

const seoRoute = getRouteApi('/signed-in/stores/$store/seo');
const pageSize = 50;

function Figure({ label, value, color }: { label: string; value: string | number; color?: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}

/**
 * The store's listings that cost search traffic, the most valuable fix first (a live product's
 * problem counts twice a draft's). Each row names the problem, how to fix it, and opens the product.
 */
export function SeoAuditScreen() {
  const { store } = useCurrentStore();
  const search = seoRoute.useSearch();
  const navigate = seoRoute.useNavigate();
  const page = search.page ?? 1;
  const audit = useQuery(
    storeSeoAuditQuery(store.handle, {
      rule: search.rule,
      severity: search.severity,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const data = audit.data;
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / pageSize));
  const filtered = Boolean(search.rule || search.severity);
  const ruleOptions = (data?.rules ?? [])
    .filter((rule) => rule.products > 0 || rule.code === search.rule)
    .map((rule) => ({ value: rule.code, label: `${ruleLabel(rule.code)} (${rule.products})` }));

  return (
    <>
      <PageHeader
        title="SEO audit"
        description="Listings that hurt search ranking, ranked by how much fixing each one is worth. Archived products are left out."
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure
            label="Average score"
            value={data ? data.summary.averageScore : '…'}
            color={data ? scoreColor(data.summary.averageScore) : undefined}
          />
          <Figure label="Products audited" value={data?.summary.productsAudited ?? '…'} />
          <Figure label="Products to fix" value={data?.summary.productsWithFindings ?? '…'} />
          <Figure label="Findings" value={data?.summary.findings ?? '…'} />
        </SimpleGrid>

        <Card withBorder padding={0} radius="md">
          <Group p="md" gap="md" wrap="wrap" align="flex-end">
            <Select
              label="Rule"
              placeholder="All rules"
              data={ruleOptions}
              value={search.rule ?? null}
              clearable
              searchable
              w={{ base: '100%', xs: 300 }}
              onChange={(rule) =>
                navigate({ search: (prev) => ({ ...prev, rule: rule ?? undefined, page: undefined }) })
              }
            />
            <SegmentedControl
              aria-label="Severity"
              value={search.severity ?? 'all'}
              data={[
                { value: 'all', label: 'All' },
                { value: 'critical', label: 'Critical' },
                { value: 'warning', label: 'Warning' },
                { value: 'notice', label: 'Notice' },
              ]}
              onChange={(value) =>
                navigate({
                  search: (prev) => ({
                    ...prev,
                    severity: value === 'all' ? undefined : (value as SeoSeverity),
                    page: undefined,
                  }),
                })
              }
            />
            {data ? (
              <Text size="xs" c="dimmed" ml="auto">
                Audited {formatDateTime(data.summary.auditedAt)}
              </Text>
            ) : null}
          </Group>

          {audit.isError ? (
            <Text c="red" p="md" role="alert">
              {audit.error.message}
            </Text>
          ) : !data ? (
            <ListSkeleton label="Auditing the catalog" rows={5} />
          ) : data.items.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconSearch size={28} />}
              variant="light"
              title={filtered ? 'Nothing matches' : 'No problems found'}
              description={
                filtered
                  ? 'No listing has this problem. Try another rule or severity.'
                  : 'Every listing follows the audit rules. New and changed products are checked as you go.'
              }
            />
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table
                aria-label="SEO findings"
                verticalSpacing="sm"
                style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>Impact</Table.Th>
                    <Table.Th w={220}>Product</Table.Th>
                    <Table.Th>Problem</Table.Th>
                    <Table.Th>How to fix</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((finding) => (
                    <Table.Tr key={`${finding.productId} ${finding.code}`} data-testid="seo-finding">
                      <Table.Td>
                        <Text fw={700} size="sm">
                          {finding.impact}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <AnchorLink
                            to="/stores/$store/products/$productId"
                            params={{ store: store.handle, productId: finding.productId }}
                            size="sm"
                            fw={600}
                          >
                            {finding.product.title}
                          </AnchorLink>
                          <ProductStatusBadge status={finding.product.status} />
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          <Group gap="xs">
                            <SeverityBadge severity={finding.severity} />
                            <Text size="sm" fw={600}>
                              {ruleLabel(finding.code)}
                            </Text>
                          </Group>
                          <Text size="sm">{finding.message}</Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {finding.fix}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data && pages > 1 ? (
            <Group justify="space-between" p="md">
              <Text size="sm" c="dimmed">
                {data.total} findings
              </Text>
              <Pagination
                total={pages}
                value={page}
                onChange={(next) =>
                  navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
                }
              />
            </Group>
          ) : null}
        </Card>
      </Stack>
    </>
  );
}

import { Badge, Card, Group, Pagination, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { languageName } from '../products/translations/locale-labels.ts';
import { missingTranslationsQuery } from '../products/translations/translation-queries.ts';
import { AnchorLink } from '../ui/router-links.tsx';

const pageSize = 20;

/** What "title", "options.0.values.2" and "images.1.alt" mean to a person. */
function pieceLabel(path: string): string {
  const [head, index, kind] = path.split('.');
  if (head === 'options') return kind === 'name' ? 'option name' : 'option value';
  if (head === 'images') return `image ${Number(index) + 1} alt text`;
  return { seoTitle: 'SEO title', seoDescription: 'SEO description' }[head ?? ''] ?? head ?? path;
}

function summary(paths: string[]): string {
  const labels = [...new Set(paths.map(pieceLabel))];
  return labels.length > 3
    ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`
    : labels.join(', ');
}

/** Products whose text is not yet translated, per language, with a link to each product's translation tabs. */
export function MissingTranslationsCard({
  storeHandle,
  locales,
}: {
  storeHandle: string;
  locales: string[];
}) {
  const [locale, setLocale] = useState('all');
  const [page, setPage] = useState(1);
  const missing = useQuery(
    missingTranslationsQuery(storeHandle, {
      locale: locale === 'all' ? undefined : locale,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const pages = Math.max(1, Math.ceil((missing.data?.total ?? 0) / pageSize));

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="md" wrap="wrap">
        <div>
          <Title order={3} size="h5">
            Missing translations
          </Title>
          <Text size="sm" c="dimmed">
            {missing.data
              ? `Products with untranslated text: ${missing.data.total} of ${missing.data.checkedProducts}.`
              : 'Checking the catalog…'}
          </Text>
        </div>
        {locales.length > 1 ? (
          <SegmentedControl
            value={locale}
            onChange={(value) => {
              setLocale(value);
              setPage(1);
            }}
            data={[
              { label: 'All languages', value: 'all' },
              ...locales.map((l) => ({ label: languageName(l), value: l })),
            ]}
          />
        ) : null}
      </Group>
      {missing.isError ? (
        <Text size="sm" c="red">
          {missing.error.message}
        </Text>
      ) : missing.data && missing.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every product is fully translated.
        </Text>
      ) : (
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>Untranslated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(missing.data?.items ?? []).map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <AnchorLink
                    to="/stores/$store/products/$productId"
                    params={{ store: storeHandle, productId: item.id }}
                    hash="translations"
                    fw={500}
                    size="sm"
                  >
                    {item.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {item.status}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {Object.entries(item.missing).map(([l, paths]) => (
                    <Group key={l} gap="xs" wrap="nowrap" mb={2}>
                      <Badge size="sm" variant="light" color="orange" style={{ flex: 'none' }}>
                        {languageName(l)}
                      </Badge>
                      <Text size="sm">{summary(paths)}</Text>
                    </Group>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination value={page} onChange={setPage} total={pages} size="sm" />
        </Group>
      ) : null}
    </Card>
  );
}

import { Group, Pagination, Text } from '@mantine/core';

/**
 * The footer of a paged list card: "21–40 of 135" and the page buttons (hidden when one page
 * holds everything). The screen keeps the page in its URL and changes it in `onPage`.
 */
export function ListPager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group
      justify="space-between"
      p="md"
      gap="sm"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Text size="sm" c="dimmed">
        {(page - 1) * pageSize + 1}–{Math.min(page * pageSize, total)} of {total}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({
            'aria-label':
              control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : undefined,
          })}
        />
      ) : null}
    </Group>
  );
}

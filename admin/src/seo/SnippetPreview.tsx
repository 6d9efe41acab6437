import { Box, Stack, Text } from '@mantine/core';
import type { SnippetPreview as Snippet } from '../../../src/modules/catalog/seo/snippet-preview.ts';

/**
 * A search result as Google lays it out on a desktop: site name, breadcrumb URL, a blue title of at
 * most 580 px and two lines of description, in Arial at Google's sizes, so cuts fall where they will.
 */
export function SnippetPreview({ snippet }: { snippet: Snippet }) {
  return (
    <Box
      aria-label="Google search result preview"
      role="figure"
      p="md"
      style={{
        background: 'var(--mantine-color-body)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 8,
        fontFamily: 'Arial, Helvetica, sans-serif',
        maxWidth: 652,
      }}
    >
      <Stack gap={2}>
        <Text size="sm" c="var(--mantine-color-text)" style={{ fontFamily: 'inherit' }} truncate="end">
          {snippet.siteName}
        </Text>
        <Text size="xs" c="dimmed" style={{ fontFamily: 'inherit' }} truncate="end" data-testid="snippet-url">
          {snippet.displayUrl}
        </Text>
        <Text
          data-testid="snippet-title"
          style={{ fontFamily: 'inherit', fontSize: 20, lineHeight: 1.3, color: '#1a0dab', maxWidth: 600 }}
        >
          {snippet.title}
        </Text>
        <Text
          data-testid="snippet-description"
          style={{ fontFamily: 'inherit', fontSize: 14, lineHeight: 1.58, color: '#4d5156', maxWidth: 600 }}
        >
          {snippet.description || <em>No description: Google will pick text from the page.</em>}
        </Text>
      </Stack>
    </Box>
  );
}

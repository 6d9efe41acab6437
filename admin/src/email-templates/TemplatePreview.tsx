import { Alert, Card, Group, Loader, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api/http.ts';
import type { RenderedMail } from './email-template-types.ts';

const widths = { desktop: '100%', phone: '375px' } as const;

/**
 * The e-mail as the customer gets it, with the example variables: the HTML in a sandboxed frame (no
 * script runs, no link navigates the console) at desktop or phone width, and the plain-text part.
 * While the text has an error, the last good rendering stays and the error says where.
 */
export function TemplatePreview({
  mail,
  error,
  updating,
}: {
  mail: RenderedMail | undefined;
  error: ApiError | null;
  updating: boolean;
}) {
  const [width, setWidth] = useState<keyof typeof widths>('desktop');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Preview">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Title order={3} size="h5">
              Preview
            </Title>
            {updating ? <Loader size="xs" aria-label="Updating the preview" /> : null}
          </Group>
          <Text size="xs" c="dimmed">
            With example values
          </Text>
        </Group>
        {error ? (
          <Alert color="red" variant="light" role="alert" title="The template does not work yet">
            {error.message}
          </Alert>
        ) : null}
        {mail ? (
          <>
            <Text size="sm">
              <Text span size="sm" c="dimmed">
                Subject:{' '}
              </Text>
              <Text span size="sm" fw={600} data-testid="preview-subject">
                {mail.subject}
              </Text>
            </Text>
            <Tabs defaultValue="html" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="html">HTML</Tabs.Tab>
                <Tabs.Tab value="text">Plain text</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="html" pt="sm">
                <Stack gap="xs">
                  <SegmentedControl
                    size="xs"
                    w="fit-content"
                    aria-label="Preview width"
                    value={width}
                    onChange={(value) => setWidth(value as keyof typeof widths)}
                    data={[
                      { value: 'desktop', label: 'Desktop' },
                      { value: 'phone', label: 'Phone' },
                    ]}
                  />
                  <iframe
                    title="E-mail preview"
                    // No permissions at all: the e-mail is shown, nothing in it runs or navigates.
                    sandbox=""
                    srcDoc={mail.html}
                    style={{
                      width: widths[width],
                      maxWidth: '100%',
                      height: 720,
                      border: '1px solid var(--mantine-color-default-border)',
                      borderRadius: 'var(--mantine-radius-sm)',
                      background: '#f4f4f5',
                      alignSelf: 'center',
                    }}
                  />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="text" pt="sm">
                <Text
                  component="pre"
                  size="sm"
                  aria-label="Plain-text part"
                  m={0}
                  p="md"
                  bg="var(--mantine-color-gray-0)"
                  style={{
                    whiteSpace: 'pre-wrap',
                    overflowWrap: 'anywhere',
                    fontFamily: 'var(--mantine-font-family-monospace)',
                    borderRadius: 'var(--mantine-radius-sm)',
                  }}
                >
                  {mail.text}
                </Text>
              </Tabs.Panel>
            </Tabs>
          </>
        ) : error ? null : (
          <Group justify="center" p="xl">
            <Loader size="sm" aria-label="Loading the preview" />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

import '@mantine/dropzone/styles.css';
import { Alert, Button, Card, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { sessionQuery } from '../../auth/session-queries.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { IconAlertTriangle, IconArrowLeft, IconUpload } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { ImportWizardSteps } from './ImportWizardSteps.tsx';
import { formatBytes } from './import-stage.ts';
import { formatLabels, type ImportFormat } from './import-types.ts';
import { RecentImports } from './RecentImports.tsx';
import { type UploadProgress, uploadImportFile } from './upload-import-file.ts';

const formatChoices = (Object.keys(formatLabels) as ImportFormat[]).map((value) => ({
  value,
  label: formatLabels[value],
}));

// Browsers report CSV files under several types (Excel on Windows says vnd.ms-excel); the server
// checks the content anyway.
const csvTypes = {
  'text/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv', '.txt'],
};

/** Step 1 of the import wizard: choose a file and its format, upload it, then follow its check. */
export function ProductImportScreen() {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const uploading = progress !== null;

  const choose = (files: File[]) => {
    setProblem(null);
    setFile(files[0] ?? null);
  };
  const refuse = (rejections: FileRejection[]) => {
    const reason = rejections[0]?.errors[0];
    setProblem(
      reason?.code === 'file-invalid-type'
        ? 'Choose a .csv file: a product export from Shopify, WooCommerce or Storepilot.'
        : (reason?.message ?? 'This file cannot be used.'),
    );
  };

  async function upload() {
    if (!file) return;
    setProblem(null);
    setProgress({ loaded: 0, total: file.size });
    cancel.current = new AbortController();
    try {
      const session = queryClient.getQueryData(sessionQuery.queryKey);
      const created = await uploadImportFile({
        store: store.handle,
        file,
        format,
        csrfToken: session?.csrfToken ?? null,
        onProgress: setProgress,
        signal: cancel.current.signal,
      });
      void queryClient.invalidateQueries({ queryKey: ['stores', store.handle, 'imports'] });
      await navigate({
        to: '/stores/$store/products/import/$importId',
        params: { store: store.handle, importId: created.id },
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'aborted')) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
      setProgress(null);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <>
      <PageHeader
        title="Import products"
        description="Bring your catalog in from a CSV file. It is checked first; nothing in the store changes until you confirm."
        actions={
          <ButtonLink
            to="/stores/$store/products"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Products
          </ButtonLink>
        }
      />
      <ImportWizardSteps active={0} />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Dropzone
            onDrop={choose}
            onReject={refuse}
            accept={csvTypes}
            multiple={false}
            disabled={uploading}
            aria-label="Product CSV file"
            data-testid="import-dropzone"
          >
            <Group justify="center" gap="lg" mih={140} style={{ pointerEvents: 'none' }}>
              <IconUpload size={40} color="var(--mantine-color-dimmed)" />
              <Stack gap={4}>
                <Dropzone.Idle>
                  <Text size="lg" fw={600}>
                    {file ? file.name : 'Drop a CSV file here, or click to choose one'}
                  </Text>
                </Dropzone.Idle>
                <Dropzone.Accept>
                  <Text size="lg" fw={600}>
                    Drop it
                  </Text>
                </Dropzone.Accept>
                <Dropzone.Reject>
                  <Text size="lg" fw={600} c="red">
                    Only .csv files
                  </Text>
                </Dropzone.Reject>
                <Text size="sm" c="dimmed">
                  {file
                    ? `${formatBytes(file.size)} · click or drop to choose another file`
                    : 'A product export from Shopify or WooCommerce, or a Storepilot export'}
                </Text>
              </Stack>
            </Group>
          </Dropzone>

          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label="Format"
              data={formatChoices}
              value={format}
              onChange={(value) => setFormat((value as ImportFormat | null) ?? 'auto')}
              allowDeselect={false}
              disabled={uploading}
              w={260}
            />
            <Button
              leftSection={<IconUpload />}
              onClick={() => void upload()}
              disabled={!file}
              loading={uploading}
            >
              Upload and check
            </Button>
          </Group>

          {uploading ? (
            <Stack gap={6}>
              <Progress value={percent} animated aria-label="Upload progress" />
              <Group justify="space-between">
                <Text size="sm" c="dimmed" role="status">
                  Uploading {formatBytes(progress.loaded)} of {formatBytes(progress.total)} ({percent}%)
                </Text>
                <Button variant="subtle" size="xs" color="gray" onClick={() => cancel.current?.abort()}>
                  Cancel upload
                </Button>
              </Group>
            </Stack>
          ) : null}

          {problem ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The file was not uploaded">
              {problem}
            </Alert>
          ) : null}
        </Stack>
      </Card>
      <RecentImports store={store.handle} />
    </>
  );
}

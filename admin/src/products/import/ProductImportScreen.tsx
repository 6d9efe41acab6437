import { Alert, Button, Card, Group, Select, Stack } from '@mantine/core';
import type { FileRejection } from '@mantine/dropzone';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type { UploadProgress } from '../../api/upload-with-progress.ts';
import { sessionQuery } from '../../auth/session-queries.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { IconAlertTriangle, IconArrowLeft, IconUpload } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { CsvFileDropzone } from './CsvFileDropzone.tsx';
import { ImportWizardSteps } from './ImportWizardSteps.tsx';
import { formatLabels, type ImportFormat } from './import-types.ts';
import { RecentImports } from './RecentImports.tsx';
import { UploadProgressBar } from './UploadProgressBar.tsx';
import { uploadImportFile } from './upload-import-file.ts';

const formatChoices = (Object.keys(formatLabels) as ImportFormat[]).map((value) => ({
  value,
  label: formatLabels[value],
}));

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

  const choose = (chosen: File | null) => {
    setProblem(null);
    setFile(chosen);
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
          <CsvFileDropzone
            file={file}
            onFile={choose}
            onReject={refuse}
            disabled={uploading}
            label="Product CSV file"
            hint="A product export from Shopify or WooCommerce, or a Storepilot export"
            testId="import-dropzone"
          />

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
            <UploadProgressBar progress={progress} onCancel={() => cancel.current?.abort()} />
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

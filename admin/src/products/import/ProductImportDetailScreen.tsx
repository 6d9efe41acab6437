import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconPackage, IconUpload } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CenteredLoader } from '../../ui/route-states.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { ImportIssuesTable } from './ImportIssuesTable.tsx';
import { ImportPreviewTable } from './ImportPreviewTable.tsx';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { ImportWizardSteps } from './ImportWizardSteps.tsx';
import { type IssueView, productImportQuery, useApplyImport, useDiscardImport } from './import-queries.ts';
import { formatBytes, stagePercent, wizardStep } from './import-stage.ts';
import { formatDescription, type ProductImport } from './import-types.ts';

const importRoute = getRouteApi('/signed-in/stores/$store/products/import/$importId');

/** Steps 2–4 of the import wizard: the check's progress, its report and preview, the import, the result. */
export function ProductImportDetailScreen() {
  const { store } = useCurrentStore();
  const { importId } = importRoute.useParams();
  const [issueView, setIssueView] = useState<IssueView>({ page: 0 });
  const queryClient = useQueryClient();
  const query = useQuery({
    ...productImportQuery(store.handle, importId, issueView),
    placeholderData: keepPreviousData,
  });
  const status = query.data?.status;

  // Products written by the import show up in the list without a reload.
  useEffect(() => {
    if (status === 'done')
      void queryClient.invalidateQueries({ queryKey: ['stores', store.handle, 'products'] });
  }, [status, queryClient, store.handle]);

  if (query.isPending) return <CenteredLoader />;
  if (query.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="This import could not be shown">
        {query.error.message}
      </Alert>
    );
  }
  const item = query.data;
  return (
    <>
      <PageHeader
        title={`Import ${item.fileName}`}
        badge={<ImportStatusBadge item={item} />}
        description={`${formatBytes(item.fileSize)} · ${formatDescription(item)} · uploaded ${formatDateTime(item.createdAt)}${item.createdBy ? ` by ${item.createdBy.label}` : ''}`}
        actions={
          <ButtonLink
            to="/stores/$store/products/import"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            All imports
          </ButtonLink>
        }
      />
      <ImportWizardSteps active={wizardStep(item.status)} failed={item.status === 'failed'} />
      <ImportStage item={item} issueView={issueView} onIssueView={setIssueView} />
    </>
  );
}

function ImportStage({
  item,
  issueView,
  onIssueView,
}: {
  item: ProductImport;
  issueView: IssueView;
  onIssueView: (view: IssueView) => void;
}) {
  switch (item.status) {
    case 'checking':
      return (
        <StageProgress
          item={item}
          title="Checking the file"
          detail={`Read ${(item.progress?.rowsRead ?? 0).toLocaleString()} lines, ${(item.progress?.products ?? 0).toLocaleString()} products so far. Nothing is written yet.`}
        />
      );
    case 'checked':
      return <CheckedImport item={item} issueView={issueView} onIssueView={onIssueView} />;
    case 'applying':
      return (
        <StageProgress
          item={item}
          title="Importing products"
          detail={`${(item.progress?.products ?? 0).toLocaleString()} of ${(item.check?.products ?? 0).toLocaleString()} products done: ${(item.progress?.created ?? 0).toLocaleString()} created, ${(item.progress?.updated ?? 0).toLocaleString()} updated, ${(item.progress?.unchanged ?? 0).toLocaleString()} unchanged.`}
        />
      );
    case 'done':
      return <FinishedImport item={item} issueView={issueView} onIssueView={onIssueView} />;
    case 'failed':
      return (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="The import stopped">
          <Stack gap="sm">
            <Text size="sm">{item.error ?? 'The job gave up after several attempts.'}</Text>
            <UploadAnotherButton />
          </Stack>
        </Alert>
      );
    case 'discarded':
      return (
        <Alert color="gray" variant="light" title="Discarded">
          <Stack gap="sm">
            <Text size="sm">This upload was discarded; nothing was imported from it.</Text>
            <UploadAnotherButton />
          </Stack>
        </Alert>
      );
  }
}

function StageProgress({ item, title, detail }: { item: ProductImport; title: string; detail: string }) {
  const percent = stagePercent(item);
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {percent}%
          </Text>
        </Group>
        <Progress value={percent} animated size="lg" aria-label={title} />
        <Text size="sm" c="dimmed" role="status">
          {detail}
        </Text>
      </Stack>
    </Card>
  );
}

function UploadAnotherButton() {
  const { store } = useCurrentStore();
  return (
    <ButtonLink
      to="/stores/$store/products/import"
      params={{ store: store.handle }}
      variant="default"
      w="fit-content"
      leftSection={<IconUpload />}
    >
      Upload a file
    </ButtonLink>
  );
}

function CheckedImport({
  item,
  issueView,
  onIssueView,
}: {
  item: ProductImport;
  issueView: IssueView;
  onIssueView: (view: IssueView) => void;
}) {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const apply = useApplyImport(store.handle, item.id);
  const discard = useDiscardImport(store.handle, item.id);
  const check = item.check!;
  const importable = check.products - check.failed;
  const keptUnpublished = (item.preview ?? []).filter((p) => p.status !== p.fileStatus).length;

  if (check.products === 0) {
    return (
      <Stack gap="lg">
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="This file cannot be imported">
          No product could be read from it. The problems below say why: export the products again from your
          shop as CSV (UTF-8) and upload that file.
        </Alert>
        <ImportIssuesTable report={check} view={issueView} onView={onIssueView} />
        <UploadAnotherButton />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <ImportCounts report={check} />
      {check.failed > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title={check.failed === 1 ? '1 product has errors' : `${check.failed} products have errors`}
        >
          They will be skipped; the others can be imported now. Or fix the lines listed below and upload the
          file again.
        </Alert>
      ) : null}
      {keptUnpublished > 0 || check.issues?.items.some((i) => i.code === 'publish_not_allowed') ? (
        <Alert color="yellow" variant="light" title="Some products will not be published">
          Products marked active in the file stay unpublished: publishing needs the catalog:publish
          permission. A reviewer can publish them afterwards.
        </Alert>
      ) : null}
      <ImportPreviewTable products={item.preview ?? []} total={check.products} />
      <ImportIssuesTable report={check} view={issueView} onView={onIssueView} />
      {can('catalog:write') ? (
        <Group justify="flex-end" gap="sm">
          <Button
            variant="subtle"
            color="red"
            loading={discard.isPending}
            onClick={() =>
              discard.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess('The upload was discarded.');
                  void navigate({ to: '/stores/$store/products/import', params: { store: store.handle } });
                },
                onError: (error) => notifyError(error, 'Could not discard the upload'),
              })
            }
          >
            Discard
          </Button>
          <Button leftSection={<IconCheck />} disabled={importable === 0} onClick={() => setConfirming(true)}>
            Import {importable.toLocaleString()} product{importable === 1 ? '' : 's'}
          </Button>
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        title="Import these products?"
        confirmLabel="Import"
        danger={false}
        loading={apply.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          apply.mutate(undefined, {
            onSuccess: () => setConfirming(false),
            onError: (error) => {
              setConfirming(false);
              notifyError(error, 'The import could not start');
            },
          })
        }
      >
        {`${check.created} new product${check.created === 1 ? '' : 's'} will be created and ${check.updated} updated${check.failed > 0 ? `; ${check.failed} with errors will be skipped` : ''}. Every change is recorded in the audit log.`}
      </ConfirmDialog>
    </Stack>
  );
}

function FinishedImport({
  item,
  issueView,
  onIssueView,
}: {
  item: ProductImport;
  issueView: IssueView;
  onIssueView: (view: IssueView) => void;
}) {
  const { store } = useCurrentStore();
  const result = item.result!;
  return (
    <Stack gap="lg">
      <Alert color="teal" variant="light" icon={<IconCheck />} title="Import finished">
        <Stack gap="sm">
          <Text size="sm">
            {result.created.toLocaleString()} created, {result.updated.toLocaleString()} updated,{' '}
            {result.unchanged.toLocaleString()} unchanged
            {result.failed > 0 ? `, ${result.failed.toLocaleString()} not imported because of errors` : ''}
            {item.finishedAt ? ` · ${formatDateTime(item.finishedAt)}` : ''}.
          </Text>
          <Group gap="sm">
            <ButtonLink
              to="/stores/$store/products"
              params={{ store: store.handle }}
              leftSection={<IconPackage />}
            >
              View products
            </ButtonLink>
            <UploadAnotherButton />
          </Group>
        </Stack>
      </Alert>
      <ImportCounts report={result} />
      <ImportIssuesTable
        report={result}
        view={issueView}
        onView={onIssueView}
        title="Problems during the import"
      />
    </Stack>
  );
}

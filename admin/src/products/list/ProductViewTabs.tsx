import { ActionIcon, Badge, Button, Group, Menu, Tabs, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { IconDots, IconUsers } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import {
  type ProductView,
  productViewsQuery,
  useCreateView,
  useDeleteView,
  useUpdateView,
} from './product-list-queries.ts';
import { definitionOf, type ProductsSearch, sameDefinition, searchForView } from './product-list-search.ts';
import { SaveViewDialog } from './SaveViewDialog.tsx';

const ALL = 'all';
const everything = { filters: {}, sort: null, columns: null };

/**
 * The tab strip above the product list: "All products" and the saved views (the person's own and
 * the team's), with saving the list as it is now and, for a view one may manage, renaming, sharing,
 * saving changes into it and deleting it.
 */
export function ProductViewTabs({
  search,
  onOpen,
}: {
  search: ProductsSearch;
  /** Shows the list as `next` says (a view's address, or everything). */
  onOpen: (next: ProductsSearch) => void;
}) {
  const { store, can } = useCurrentStore();
  const views = useQuery(productViewsQuery(store.handle));
  const create = useCreateView(store.handle);
  const update = useUpdateView(store.handle);
  const remove = useDeleteView(store.handle);
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'rename'; view: ProductView } | null>(
    null,
  );
  const [deleting, setDeleting] = useState<ProductView | null>(null);

  const active = views.data?.find((v) => v.id === search.view);
  const current = definitionOf(search);
  const modified = !sameDefinition(current, active ?? everything);
  const canShare = can('catalog:write');

  const closeDialog = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };

  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <Tabs
          value={active?.id ?? ALL}
          onChange={(value) => {
            const view = views.data?.find((v) => v.id === value);
            onOpen(view ? searchForView(view) : {});
          }}
          // Wide enough for a few tabs; on a narrow screen the actions go to the next line.
          style={{ flex: '1 1 18rem', minWidth: 0 }}
          aria-label="Product list views"
        >
          {/* One line that scrolls sideways when there are many views, so the actions stay put. */}
          <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
            <Tabs.Tab value={ALL}>All products</Tabs.Tab>
            {(views.data ?? []).map((view) => (
              <Tabs.Tab
                key={view.id}
                value={view.id}
                style={{ whiteSpace: 'nowrap' }}
                rightSection={
                  view.shared ? (
                    <Tooltip
                      label={view.mine ? 'Shared with the team' : `Shared by ${view.author.label}`}
                      withinPortal
                    >
                      <span style={{ display: 'inline-flex' }}>
                        <IconUsers size={14} aria-label="shared" />
                      </span>
                    </Tooltip>
                  ) : null
                }
              >
                {view.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group gap="xs" wrap="wrap" style={{ flex: '0 1 auto' }}>
          {modified && active ? (
            <Badge variant="light" color="yellow" data-testid="view-modified">
              Changed
            </Badge>
          ) : null}
          {active?.canManage && modified ? (
            <Button
              size="xs"
              variant="light"
              loading={update.isPending && !dialog}
              onClick={() =>
                update.mutate(
                  { id: active.id, ...current },
                  {
                    onSuccess: () => notifySuccess(`“${active.name}” now shows this list.`, 'View saved'),
                    onError: (error) => notifyError(error, 'The view was not saved'),
                  },
                )
              }
            >
              Save changes
            </Button>
          ) : null}
          {modified ? (
            <Button size="xs" onClick={() => setDialog({ mode: 'create' })}>
              {active ? 'Save as new view' : 'Save view'}
            </Button>
          ) : null}
          {active?.canManage ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for view ${active.name}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog({ mode: 'rename', view: active })}>Rename…</Menu.Item>
                {active.mine && (canShare || active.shared) ? (
                  <Menu.Item
                    onClick={() =>
                      update.mutate(
                        { id: active.id, shared: !active.shared },
                        {
                          onSuccess: (view) =>
                            notifySuccess(
                              view.shared ? 'Everyone in the store sees it now.' : 'Only you see it now.',
                              view.shared ? 'View shared' : 'View made private',
                            ),
                          onError: (error) => notifyError(error),
                        },
                      )
                    }
                  >
                    {active.shared ? 'Make private' : 'Share with the team'}
                  </Menu.Item>
                ) : null}
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => setDeleting(active)}>
                  Delete view…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
      {views.isError ? (
        <Text size="sm" c="red" mb="sm" role="alert">
          Saved views could not be loaded: {views.error.message}
        </Text>
      ) : null}

      {dialog?.mode === 'create' ? (
        <SaveViewDialog
          mode="create"
          canShare={canShare}
          saving={create.isPending}
          error={create.error}
          onClose={closeDialog}
          onSave={(values) =>
            create.mutate(
              { ...values, ...current },
              {
                onSuccess: (view) => {
                  closeDialog();
                  notifySuccess(`“${view.name}” is a tab above the list now.`, 'View saved');
                  onOpen(searchForView(view));
                },
              },
            )
          }
        />
      ) : dialog?.mode === 'rename' ? (
        <SaveViewDialog
          mode="rename"
          initialName={dialog.view.name}
          canShare={canShare}
          saving={update.isPending}
          error={update.error}
          onClose={closeDialog}
          onSave={({ name }) => update.mutate({ id: dialog.view.id, name }, { onSuccess: closeDialog })}
        />
      ) : null}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete view"
        confirmLabel="Delete view"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              notifySuccess(`“${deleting.name}” was deleted.`);
              onOpen({});
            },
            onError: (error) => notifyError(error, 'The view was not deleted'),
          })
        }
      >
        {deleting?.shared
          ? `“${deleting?.name}” is shared: it disappears for the whole team. The products are not touched.`
          : `“${deleting?.name}” will be deleted. The products are not touched.`}
      </ConfirmDialog>
    </>
  );
}

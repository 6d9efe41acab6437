import { Box, Button, Card, EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconFolder, IconPlus } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CategoryNameDialog, DeleteCategoryDialog, MoveCategoryDialog } from './CategoryDialogs.tsx';
import { type CategoryAction, CategoryTreeRows } from './CategoryTreeRows.tsx';
import {
  type CategoryNode,
  categoryTreeQuery,
  useCreateCategory,
  useDeleteCategory,
  useMoveCategory,
  useRenameCategory,
} from './category-queries.ts';

type Dialog =
  | { kind: 'create'; parent: CategoryNode | null }
  | { kind: 'rename'; node: CategoryNode }
  | { kind: 'move'; node: CategoryNode }
  | { kind: 'delete'; node: CategoryNode };

/** The store's category tree: add, rename, move, reorder and delete categories. */
export function CategoriesScreen() {
  const { store, can } = useCurrentStore();
  const tree = useQuery(categoryTreeQuery(store.handle));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const create = useCreateCategory(store.handle);
  const rename = useRenameCategory(store.handle);
  const move = useMoveCategory(store.handle);
  const remove = useDeleteCategory(store.handle);
  const canWrite = can('catalog:write');

  const close = () => {
    setDialog(null);
    for (const m of [create, rename, move, remove]) m.reset();
  };
  const done = (message: string) => () => {
    notifySuccess(message);
    close();
  };
  const act = (action: CategoryAction, node: CategoryNode, siblings: CategoryNode[]) => {
    if (action === 'up' || action === 'down') {
      const at = siblings.findIndex((s) => s.id === node.id);
      move.mutate(
        { id: node.id, parentId: node.parentId, position: at + (action === 'up' ? -1 : 1) },
        { onError: (error) => notifyError(error, 'Could not reorder') },
      );
    } else if (action === 'add') setDialog({ kind: 'create', parent: node });
    else setDialog({ kind: action, node });
  };
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Categories"
        description="Where products are filed: a tree that shoppers browse and collection rules can use."
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus />} onClick={() => setDialog({ kind: 'create', parent: null })}>
              New category
            </Button>
          ) : null
        }
      />
      <Card withBorder padding={0} radius="md">
        {tree.isError ? (
          <Text c="red" p="md" role="alert">
            {tree.error.message}
          </Text>
        ) : tree.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true" aria-label="Loading categories">
            {[0, 1, 2, 3].map((row) => (
              <Skeleton key={row} height={28} width={`${70 - row * 10}%`} />
            ))}
          </Stack>
        ) : tree.data.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconFolder size={28} />}
            variant="light"
            title="No categories yet"
            description="Create a first category, or import products whose rows name one."
          />
        ) : (
          <Box role="tree" aria-label="Categories" style={{ marginTop: -1 }}>
            <CategoryTreeRows
              nodes={tree.data}
              depth={0}
              collapsed={collapsed}
              onToggle={toggle}
              onAction={canWrite ? act : undefined}
            />
          </Box>
        )}
      </Card>

      {dialog?.kind === 'create' ? (
        <CategoryNameDialog
          opened
          title={dialog.parent ? `New category in “${dialog.parent.name}”` : 'New top-level category'}
          confirmLabel="Create"
          busy={create.isPending}
          error={create.error}
          onClose={close}
          onSubmit={(name) =>
            create.mutate(
              { name, parentId: dialog.parent?.id ?? null },
              { onSuccess: done(`Created “${name}”.`) },
            )
          }
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <CategoryNameDialog
          opened
          title={`Rename “${dialog.node.name}”`}
          initial={dialog.node.name}
          confirmLabel="Rename"
          busy={rename.isPending}
          error={rename.error}
          onClose={close}
          onSubmit={(name) => rename.mutate({ id: dialog.node.id, name }, { onSuccess: done('Renamed.') })}
        />
      ) : null}
      {dialog?.kind === 'move' && tree.data ? (
        <MoveCategoryDialog
          node={dialog.node}
          tree={tree.data}
          busy={move.isPending}
          error={move.error}
          onClose={close}
          onSubmit={(parentId) =>
            move.mutate({ id: dialog.node.id, parentId }, { onSuccess: done('Moved.') })
          }
        />
      ) : null}
      {dialog?.kind === 'delete' && tree.data ? (
        <DeleteCategoryDialog
          node={dialog.node}
          tree={tree.data}
          busy={remove.isPending}
          error={remove.error}
          onClose={close}
          onSubmit={(reassignTo) =>
            remove.mutate(
              { id: dialog.node.id, reassignTo },
              { onSuccess: done(`Deleted “${dialog.node.name}”.`) },
            )
          }
        />
      ) : null}
    </>
  );
}

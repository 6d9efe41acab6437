import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { type CategoryNode, flattenTree, subtreeIds } from './category-queries.ts';

function problemOf(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) return error.fieldProblems[0]?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Asks for a category name: a new category (under `parent` or at the top) or a new name. */
export function CategoryNameDialog({
  opened,
  title,
  initial = '',
  confirmLabel,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  title: string;
  initial?: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Name"
            description="Shown to shoppers; a name cannot contain “>”."
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problemOf(error)}
            data-autofocus
            required
            maxLength={120}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const TOP_LEVEL = '__top__';

/** Picks a new parent; the category itself and everything below it are not offered. */
export function MoveCategoryDialog({
  node,
  tree,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  node: CategoryNode;
  tree: CategoryNode[];
  busy: boolean;
  error: unknown;
  onSubmit: (parentId: string | null) => void;
  onClose: () => void;
}) {
  const blocked = subtreeIds(node);
  const options = [
    { value: TOP_LEVEL, label: 'Top level' },
    ...flattenTree(tree)
      .filter(({ node: candidate }) => !blocked.has(candidate.id))
      .map(({ node: candidate }) => ({ value: candidate.id, label: candidate.path })),
  ];
  const [parent, setParent] = useState<string>(node.parentId ?? TOP_LEVEL);
  return (
    <Modal opened onClose={onClose} title={`Move “${node.name}”`} centered>
      <Stack>
        <Select
          label="New parent"
          description="Everything below this category moves with it."
          data={options}
          value={parent}
          onChange={(value) => setParent(value ?? TOP_LEVEL)}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {error ? (
          <Alert color="red" role="alert">
            {problemOf(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button loading={busy} onClick={() => onSubmit(parent === TOP_LEVEL ? null : parent)}>
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Confirms a deletion. A category with categories below it cannot go; one with products needs a
 * category to move them to.
 */
export function DeleteCategoryDialog({
  node,
  tree,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  node: CategoryNode;
  tree: CategoryNode[];
  busy: boolean;
  error: unknown;
  onSubmit: (reassignTo?: string) => void;
  onClose: () => void;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const hasChildren = node.children.length > 0;
  const needsTarget = node.productCount > 0;
  const options = flattenTree(tree)
    .filter(({ node: candidate }) => candidate.id !== node.id)
    .map(({ node: candidate }) => ({ value: candidate.id, label: candidate.path }));
  return (
    <Modal opened onClose={onClose} title={`Delete “${node.name}”?`} centered>
      <Stack>
        {hasChildren ? (
          <Text size="sm">
            Categories are filed below this one. Move or delete them first, then delete this category.
          </Text>
        ) : needsTarget ? (
          <>
            <Text size="sm">
              {node.productCount === 1 ? '1 product is' : `${node.productCount} products are`} filed in this
              category. Choose where they go.
            </Text>
            <Select
              label="Move its products to"
              placeholder="Pick a category"
              data={options}
              value={target}
              onChange={setTarget}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
          </>
        ) : (
          <Text size="sm">No products are filed in it. This cannot be undone.</Text>
        )}
        {error ? (
          <Alert color="red" role="alert">
            {problemOf(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {hasChildren ? 'Close' : 'Cancel'}
          </Button>
          {hasChildren ? null : (
            <Button
              color="red"
              loading={busy}
              disabled={needsTarget && !target}
              onClick={() => onSubmit(needsTarget ? target! : undefined)}
            >
              Delete category
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

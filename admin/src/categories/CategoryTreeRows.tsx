import { ActionIcon, Badge, Box, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconDots } from '../ui/icons.tsx';
import type { CategoryNode } from './category-queries.ts';

export type CategoryAction = 'add' | 'rename' | 'move' | 'up' | 'down' | 'delete';

const countLabel = (n: number) => (n === 1 ? '1 product' : `${n} products`);

/** One level of the category tree (and, when open, the levels below), as ARIA tree items. */
export function CategoryTreeRows({
  nodes,
  depth,
  collapsed,
  onToggle,
  onAction,
}: {
  nodes: CategoryNode[];
  depth: number;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Absent for people who may only look. */
  onAction?: (action: CategoryAction, node: CategoryNode, siblings: CategoryNode[]) => void;
}) {
  return nodes.map((node, index) => {
    const hasChildren = node.children.length > 0;
    const open = !collapsed.has(node.id);
    return (
      <Box
        key={node.id}
        role="treeitem"
        aria-label={node.name}
        aria-expanded={hasChildren ? open : undefined}
        aria-level={depth + 1}
      >
        <Group
          gap="xs"
          wrap="nowrap"
          pr="md"
          py={8}
          pl={`calc(var(--mantine-spacing-md) + ${depth * 24}px)`}
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <UnstyledButton
            onClick={() => onToggle(node.id)}
            aria-label={open ? `Collapse ${node.name}` : `Expand ${node.name}`}
            disabled={!hasChildren}
            w={20}
            h={20}
            style={{ visibility: hasChildren ? 'visible' : 'hidden', display: 'grid', placeItems: 'center' }}
          >
            <IconChevronRight
              size={14}
              style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
            />
          </UnstyledButton>
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} size="sm" truncate="end">
              {node.name}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              /{node.handle}
            </Text>
          </Stack>
          {hasChildren && node.productCount !== node.totalProductCount ? (
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {node.productCount} here
            </Text>
          ) : null}
          <Badge
            variant="light"
            color={node.totalProductCount > 0 ? 'teal' : 'gray'}
            title="Products in this category and below it"
          >
            {countLabel(node.totalProductCount)}
          </Badge>
          {onAction ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${node.name}`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onAction('add', node, nodes)}>Add subcategory</Menu.Item>
                <Menu.Item onClick={() => onAction('rename', node, nodes)}>Rename</Menu.Item>
                <Menu.Item onClick={() => onAction('move', node, nodes)}>Move to…</Menu.Item>
                <Menu.Item disabled={index === 0} onClick={() => onAction('up', node, nodes)}>
                  Move up
                </Menu.Item>
                <Menu.Item
                  disabled={index === nodes.length - 1}
                  onClick={() => onAction('down', node, nodes)}
                >
                  Move down
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => onAction('delete', node, nodes)}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        {open && hasChildren ? (
          <Box role="group">
            <CategoryTreeRows
              nodes={node.children}
              depth={depth + 1}
              collapsed={collapsed}
              onToggle={onToggle}
              onAction={onAction}
            />
          </Box>
        ) : null}
      </Box>
    );
  });
}

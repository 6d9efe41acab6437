import { Badge, Card, Group, TagsInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { notifyError } from '../ui/notify.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail } from './order-types.ts';

/** The order's tags; each change is saved at once (the list filters by them, exports carry them). */
export function OrderTagsCard({ order }: { order: OrderDetail }) {
  const { store, can } = useCurrentStore();
  const save = useOrderAction(store.handle, order.id);
  const [tags, setTags] = useState(order.tags);
  useEffect(() => setTags(order.tags), [order.tags]);
  const editable = can('orders:write');

  const change = (next: string[]) => {
    const cleaned = [...new Set(next.map((t) => t.trim()).filter(Boolean))];
    const before = tags;
    setTags(cleaned);
    save.mutate(
      { path: '/tags', method: 'put', body: { tags: cleaned } },
      {
        onError: (error) => {
          setTags(before);
          notifyError(error, 'The tags could not be saved');
        },
      },
    );
  };

  return (
    <Card withBorder radius="md">
      <Title order={3} size="h6" mb="xs">
        Tags
      </Title>
      {editable ? (
        <TagsInput
          aria-label="Order tags"
          placeholder={tags.length ? undefined : 'Add a tag and press Enter'}
          value={tags}
          onChange={change}
          maxTags={50}
          clearable={false}
          splitChars={[',']}
        />
      ) : tags.length ? (
        <Group gap={4}>
          {tags.map((tag) => (
            <Badge key={tag} color="gray" variant="outline" tt="none" fw={500}>
              {tag}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          No tags
        </Text>
      )}
    </Card>
  );
}

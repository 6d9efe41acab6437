import {
  ActionIcon,
  Badge,
  Card,
  Group,
  Image,
  MultiSelect,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconTrash } from '../../ui/icons.tsx';
import type { GalleryImage } from './media-types.ts';

export interface VariantChoice {
  id: string;
  title: string;
}

const placeholder =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'%3E%3Crect width='4' height='3' fill='%23f1f3f5'/%3E%3C/svg%3E";

/**
 * One image of the gallery: the picture, its alt text in the chosen locale (saved when the field is
 * left), the variants that show it, and moving or removing it. Dragging it onto another reorders.
 */
export function ImageCard({
  image,
  index,
  count,
  locale,
  variants,
  readOnly,
  dropSide,
  onAlt,
  onVariants,
  onMove,
  onDelete,
  onDragStart,
  onDragOver,
  onDrop,
  onDragEnd,
}: {
  image: GalleryImage;
  index: number;
  count: number;
  locale: string;
  variants: VariantChoice[];
  readOnly: boolean;
  /** Where a dragged image would land relative to this one, while one is over it. */
  dropSide: 'before' | 'after' | null;
  onAlt: (alt: string) => void;
  onVariants: (variantIds: string[]) => void;
  onMove: (to: number) => void;
  onDelete: () => void;
  onDragStart: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  onDragEnd: () => void;
}) {
  const saved = image.altByLocale[locale] ?? '';
  const [alt, setAlt] = useState(saved);
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    // The server's text changed (another locale picked, or saved elsewhere): show it.
    setShown(saved);
    setAlt(saved);
  }
  const failed = image.download?.status === 'failed';
  const dropShadow =
    dropSide === 'before'
      ? 'inset 4px 0 0 var(--mantine-color-indigo-6)'
      : dropSide === 'after'
        ? 'inset -4px 0 0 var(--mantine-color-indigo-6)'
        : undefined;

  return (
    <Card
      withBorder
      radius="md"
      padding="xs"
      draggable={!readOnly}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragEnd={onDragEnd}
      style={{ cursor: readOnly ? undefined : 'grab', boxShadow: dropShadow }}
      data-testid="gallery-image"
      aria-label={`Image ${index + 1} of ${count}`}
    >
      <Card.Section pos="relative">
        <Image
          src={image.sizes[1]?.url ?? image.url ?? placeholder}
          srcSet={image.srcset ?? undefined}
          sizes="240px"
          alt={saved || `Image ${index + 1}`}
          h={150}
          fit="cover"
          fallbackSrc={placeholder}
          draggable={false}
        />
        <Group pos="absolute" top={6} left={6} gap={4}>
          <Badge size="sm" variant="filled" color={index === 0 ? 'indigo' : 'dark'}>
            {index === 0 ? 'Main image' : index + 1}
          </Badge>
          {!saved ? (
            <Badge size="sm" variant="filled" color="orange">
              No alt text
            </Badge>
          ) : null}
        </Group>
      </Card.Section>
      <Stack gap={6} mt="xs">
        {failed ? (
          <Group gap={4} wrap="nowrap" c="orange.8">
            <IconAlertTriangle size={14} />
            <Text size="xs" c="orange.8" lineClamp={2} title={image.download?.error ?? undefined}>
              Not downloaded: {image.download?.error}
            </Text>
          </Group>
        ) : null}
        <TextInput
          size="xs"
          label={`Alt text (${locale})`}
          placeholder="What the picture shows"
          value={alt}
          readOnly={readOnly}
          maxLength={512}
          onChange={(event) => setAlt(event.currentTarget.value)}
          onBlur={() => {
            if (alt.trim() !== saved.trim()) onAlt(alt);
          }}
          onKeyDown={(event) => {
            // Enter saves this field; it must not submit the product form around the gallery.
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            }
          }}
        />
        {variants.length > 1 ? (
          <MultiSelect
            size="xs"
            label="Shown for variants"
            placeholder={image.variantIds.length ? undefined : 'None'}
            data={variants.map((v) => ({ value: v.id, label: v.title }))}
            value={image.variantIds}
            readOnly={readOnly}
            onChange={onVariants}
            clearable
          />
        ) : null}
        {readOnly ? null : (
          <Group justify="space-between" gap={4}>
            <Group gap={4}>
              <Tooltip label="Move earlier">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label="Move earlier"
                  disabled={index === 0}
                  onClick={() => onMove(index - 1)}
                >
                  <IconArrowUp size={16} style={{ transform: 'rotate(-90deg)' }} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move later">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label="Move later"
                  disabled={index === count - 1}
                  onClick={() => onMove(index + 1)}
                >
                  <IconArrowDown size={16} style={{ transform: 'rotate(-90deg)' }} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Tooltip label="Remove image">
              <ActionIcon variant="subtle" color="red" aria-label="Remove image" onClick={onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

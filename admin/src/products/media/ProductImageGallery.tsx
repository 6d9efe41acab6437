import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type DragEvent, useRef, useState } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { IconPhoto, IconUpload } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { ImageCard, type VariantChoice } from './ImageCard.tsx';
import {
  galleryQuery,
  useDeleteImage,
  useReorderImages,
  useUpdateImage,
  useUploadImage,
} from './media-queries.ts';
import { dropIndex, moveItem } from './reorder.ts';

/** What the server takes; it decides from the bytes, this only keeps the file picker tidy. */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif';
const MAX_MB = 20;
const DRAG_TYPE = 'application/x-storepilot-image';

/**
 * The product's gallery: drop files (or pick them) to upload, drag thumbnails to reorder (or use the
 * arrows), alt text per image and locale, the variants each image is shown for, and removal.
 * Every change is saved at once; the first image is the one listings show.
 */
export function ProductImageGallery({
  store,
  productId,
  variants,
  readOnly,
  readOnlyReason,
}: {
  store: string;
  productId: string;
  variants: VariantChoice[];
  readOnly: boolean;
  readOnlyReason?: string;
}) {
  const gallery = useQuery(galleryQuery(store, productId));
  const upload = useUploadImage(store, productId);
  const update = useUpdateImage(store, productId);
  const reorder = useReorderImages(store, productId);
  const remove = useDeleteImage(store, productId);
  const [locale, setLocale] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [fileOver, setFileOver] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<{ index: number; after: boolean } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  // Someone whose changes to this product are staged sees (and changes) the gallery its revision
  // proposes, as the product form shows the proposed product; others see the live gallery.
  const { can } = useCurrentStore();
  const staged = can('catalog:publish') ? null : (gallery.data?.staged ?? null);
  const images = staged?.images ?? gallery.data?.images ?? [];
  const locales = gallery.data?.locales ?? [];
  const altLocale = locale ?? locales[0] ?? 'en';

  async function uploadFiles(files: File[]) {
    setPending((n) => n + files.length);
    let added = 0;
    let forReview = false;
    // One at a time, in the order chosen, so the gallery keeps that order.
    for (const file of files) {
      try {
        if (file.size > MAX_MB * 1024 * 1024) {
          throw new Error(`${file.name} is larger than ${MAX_MB} MB.`);
        }
        forReview = (await upload.mutateAsync(file)).staged;
        added++;
      } catch (error) {
        notifyError(error, `${file.name} was not added`);
      } finally {
        setPending((n) => n - 1);
      }
    }
    if (added > 0)
      notifySuccess(
        `${added === 1 ? 'The image was added' : `${added} images were added`}${forReview ? ' for review: the storefront shows them once a reviewer publishes the changes.' : '.'}`,
        'Uploaded',
      );
  }

  const saveOrder = (ids: string[]) =>
    reorder.mutate(ids, { onError: (error) => notifyError(error, 'The new order was not saved') });

  const isFileDrag = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  function onZoneDrop(event: DragEvent) {
    event.preventDefault();
    setFileOver(false);
    if (readOnly || !isFileDrag(event)) return;
    void uploadFiles([...event.dataTransfer.files]);
  }

  function onCardDragOver(event: DragEvent, index: number) {
    if (readOnly || isFileDrag(event) || dragging === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    setDropTarget({ index, after: event.clientX > box.left + box.width / 2 });
  }

  function onCardDrop(event: DragEvent, index: number) {
    if (isFileDrag(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const from = Number(event.dataTransfer.getData(DRAG_TYPE));
    const after = dropTarget?.index === index ? dropTarget.after : false;
    setDropTarget(null);
    setDragging(null);
    if (!Number.isInteger(from)) return;
    const to = dropIndex(from, index, after);
    if (to !== from) saveOrder(moveItem(images, from, to).map((image) => image.id));
  }

  return (
    <Card withBorder radius="md" padding="lg" aria-label="Media">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h5">
          Media
        </Title>
        {locales.length > 1 ? (
          <Select
            size="xs"
            aria-label="Alt text language"
            data={locales.map((l, i) => ({ value: l, label: i === 0 ? `${l} (default)` : l }))}
            value={altLocale}
            onChange={(value) => setLocale(value)}
            allowDeselect={false}
            w={150}
          />
        ) : null}
      </Group>
      {readOnly && readOnlyReason ? (
        <Text size="sm" c="dimmed" mb="sm">
          {readOnlyReason}
        </Text>
      ) : null}
      {staged ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid="gallery-staged-note">
          {`The images as revision ${staged.revision.number} proposes them: the storefront shows the live ones until a reviewer publishes it.`}
        </Text>
      ) : null}
      {gallery.isError ? (
        <Alert color="red" title="The images could not be loaded">
          {gallery.error.message}
        </Alert>
      ) : gallery.isPending ? (
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          <Skeleton height={220} />
          <Skeleton height={220} />
        </SimpleGrid>
      ) : (
        <Stack gap="md">
          {images.length > 0 ? (
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
              {images.map((image, index) => (
                <ImageCard
                  key={image.id}
                  image={image}
                  index={index}
                  count={images.length}
                  locale={altLocale}
                  variants={variants}
                  readOnly={readOnly}
                  dropSide={
                    dropTarget?.index === index && dragging !== null && dragging !== index
                      ? dropTarget.after
                        ? 'after'
                        : 'before'
                      : null
                  }
                  onAlt={(alt) =>
                    update.mutate(
                      { imageId: image.id, changes: { alt: alt.trim() || null, locale: altLocale } },
                      {
                        onSuccess: () => notifySuccess('Alt text saved.'),
                        onError: (error) => notifyError(error, 'The alt text was not saved'),
                      },
                    )
                  }
                  onVariants={(variantIds) =>
                    update.mutate(
                      { imageId: image.id, changes: { variantIds } },
                      { onError: (error) => notifyError(error, 'The variants were not changed') },
                    )
                  }
                  onMove={(to) => saveOrder(moveItem(images, index, to).map((i) => i.id))}
                  onDelete={() => setDeleting(image.id)}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(DRAG_TYPE, String(index));
                    event.dataTransfer.effectAllowed = 'move';
                    setDragging(index);
                  }}
                  onDragOver={(event) => onCardDragOver(event, index)}
                  onDrop={(event) => onCardDrop(event, index)}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropTarget(null);
                  }}
                />
              ))}
            </SimpleGrid>
          ) : null}
          {readOnly ? (
            images.length === 0 ? (
              <Text size="sm" c="dimmed">
                No images yet.
              </Text>
            ) : null
          ) : (
            <Paper
              withBorder
              radius="md"
              p="lg"
              data-testid="image-dropzone"
              onDragOver={(event) => {
                if (!isFileDrag(event)) return;
                event.preventDefault();
                setFileOver(true);
              }}
              onDragLeave={() => setFileOver(false)}
              onDrop={onZoneDrop}
              style={{
                borderStyle: 'dashed',
                borderWidth: 2,
                borderColor: fileOver ? 'var(--mantine-color-indigo-5)' : undefined,
                background: fileOver ? 'var(--mantine-color-indigo-0)' : undefined,
              }}
            >
              <Stack align="center" gap={6}>
                {pending > 0 ? <Loader size="sm" /> : <IconPhoto size={28} />}
                <Text size="sm" fw={600}>
                  {pending > 0
                    ? `Uploading ${pending} image${pending === 1 ? '' : 's'}…`
                    : 'Drop images here'}
                </Text>
                <Text size="xs" c="dimmed">
                  JPEG, PNG, WebP, GIF or AVIF, up to {MAX_MB} MB each. Sizes for every screen are made for
                  you.
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconUpload size={14} />}
                  onClick={() => picker.current?.click()}
                  disabled={pending > 0}
                >
                  Choose files
                </Button>
                <input
                  ref={picker}
                  type="file"
                  accept={ACCEPT}
                  multiple
                  hidden
                  data-testid="image-file-input"
                  onChange={(event) => {
                    const files = [...(event.currentTarget.files ?? [])];
                    event.currentTarget.value = '';
                    if (files.length > 0) void uploadFiles(files);
                  }}
                />
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Remove this image?"
        confirmLabel="Remove image"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          remove.mutate(deleting!, {
            onSuccess: () => {
              setDeleting(null);
              notifySuccess('The image was removed.');
            },
            onError: (error) => notifyError(error, 'The image was not removed'),
          })
        }
      >
        The image is removed from this product and from the variants that show it.
      </ConfirmDialog>
    </Card>
  );
}

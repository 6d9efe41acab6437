import { Image, Popover, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { ProductImageRef } from '../../api/types.ts';
import { IconPhoto, IconX } from '../../ui/icons.tsx';

const size = 36;

function Thumb({ image, px }: { image: ProductImageRef | undefined; px: number }) {
  if (!image?.url) {
    return (
      <span
        style={{
          display: 'grid',
          placeItems: 'center',
          width: px,
          height: px,
          borderRadius: 'var(--mantine-radius-sm)',
          border: '1px dashed var(--mantine-color-gray-4)',
          color: 'var(--mantine-color-gray-5)',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        <IconPhoto size={px / 2.2} />
      </span>
    );
  }
  return <Image src={image.url} alt={image.alt ?? ''} w={px} h={px} radius="sm" fit="cover" />;
}

/** The variant's image, chosen from the product's gallery. */
export function VariantImagePicker({
  label,
  images,
  imageId,
  readOnly,
  onChange,
}: {
  label: string;
  images: ProductImageRef[];
  imageId: string | null;
  readOnly: boolean;
  onChange: (imageId: string | null) => void;
}) {
  const [opened, setOpened] = useState(false);
  const current = images.find((image) => image.id === imageId);
  const choose = (id: string | null) => {
    onChange(id);
    setOpened(false);
  };
  if (readOnly) return <Thumb image={current} px={size} />;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" withinPortal>
      <Popover.Target>
        <UnstyledButton
          aria-label={`Image for ${label}`}
          title={current ? 'Change image' : 'Choose an image'}
          onClick={() => setOpened((open) => !open)}
          // Out of the Tab order: Tab goes from cell to cell.
          tabIndex={-1}
          style={{ borderRadius: 'var(--mantine-radius-sm)', flexShrink: 0 }}
        >
          <Thumb image={current} px={size} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Text size="xs" c="dimmed" mb={6}>
          Image for {label}
        </Text>
        <SimpleGrid cols={Math.min(4, images.length + 1)} spacing={6}>
          {images.map((image, i) => (
            <UnstyledButton
              key={image.id}
              aria-label={`Image ${i + 1}${image.alt ? `: ${image.alt}` : ''}`}
              aria-pressed={image.id === imageId}
              onClick={() => choose(image.id)}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                outline: image.id === imageId ? '2px solid var(--mantine-color-indigo-6)' : undefined,
                outlineOffset: 1,
              }}
            >
              <Thumb image={image} px={56} />
            </UnstyledButton>
          ))}
          <UnstyledButton
            aria-label="No image"
            aria-pressed={imageId === null}
            onClick={() => choose(null)}
            style={{
              display: 'grid',
              placeItems: 'center',
              width: 56,
              height: 56,
              borderRadius: 'var(--mantine-radius-sm)',
              border: '1px dashed var(--mantine-color-gray-4)',
              color: 'var(--mantine-color-gray-6)',
            }}
          >
            <IconX size={18} />
          </UnstyledButton>
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}

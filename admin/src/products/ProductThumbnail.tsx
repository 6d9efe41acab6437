import { Avatar } from '@mantine/core';
import { IconPhoto } from '../ui/icons.tsx';

/** A square product image, or a neutral placeholder when there is none or it fails to load. */
export function ProductThumbnail({
  src,
  title,
  size = 40,
}: {
  src: string | null;
  title: string;
  size?: number;
}) {
  return (
    <Avatar src={src || null} alt={title} size={size} radius="sm" color="gray" variant="light">
      <IconPhoto size={size / 2} />
    </Avatar>
  );
}

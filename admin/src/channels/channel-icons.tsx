import type { SVGProps } from 'react';

/**
 * One stock shared out to several places: the sales channels nav entry, drawn like ui/icons.tsx
 * (decorative).
 */
export function IconChannels(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      <circle cx={6} cy={12} r={3} />
      <circle cx={18} cy={6} r={3} />
      <circle cx={18} cy={18} r={3} />
      <path d="M8.7 10.7l6.6-3.4" />
      <path d="M8.7 13.3l6.6 3.4" />
    </svg>
  );
}

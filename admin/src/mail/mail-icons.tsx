import type { SVGProps } from 'react';

/** Line icons for the outbox, drawn like ui/icons.tsx (decorative). */
function Line({ paths, size = 18, ...props }: SVGProps<SVGSVGElement> & { paths: string[]; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** An envelope: the Mail nav entry and the empty outbox. */
export function IconMail(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return <Line {...props} paths={['M3 6h18v12H3z', 'M3 7l9 6 9-6']} />;
}

/** A paper clip: a message's attachments. */
export function IconPaperclip(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <Line
      {...props}
      paths={['M15 7l-6.5 6.5a1.5 1.5 0 0 0 3 3L18 10a3 3 0 0 0-6-6l-6.5 6.5a4.5 4.5 0 0 0 9 9L21 13']}
    />
  );
}

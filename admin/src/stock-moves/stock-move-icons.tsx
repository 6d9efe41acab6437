import type { SVGProps } from 'react';

/** Line icons for the transfer and count nav entries, drawn like ui/icons.tsx (decorative). */
function Line({ paths, ...props }: SVGProps<SVGSVGElement> & { paths: string[] }) {
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
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** Two opposite arrows: stock moving between places. */
export function IconTransfer(props: SVGProps<SVGSVGElement>) {
  return <Line {...props} paths={['M4 8h14', 'M14 4l4 4-4 4', 'M20 16H6', 'M10 12l-4 4 4 4']} />;
}

/** A clipboard with ticks: a count sheet. */
export function IconClipboardCheck(props: SVGProps<SVGSVGElement>) {
  return (
    <Line
      {...props}
      paths={[
        'M9 4H7a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2',
        'M9 3h6v3H9z',
        'M9 14l2 2 4-4',
      ]}
    />
  );
}

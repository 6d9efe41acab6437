import type { SVGProps } from 'react';

/** Line icons drawn on a 24-unit grid; decorative, so hidden from assistive technology. */
interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  size?: number | string;
}

function LineIcon({
  size = 18,
  paths,
  circles = [],
  ...props
}: IconProps & { paths: string[]; circles?: Array<[number, number, number]> }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
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
      {circles.map(([cx, cy, r]) => (
        <circle key={`${cx}-${cy}-${r}`} cx={cx} cy={cy} r={r} />
      ))}
    </svg>
  );
}

export function IconPackage(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3', 'M12 12l8-4.5', 'M12 12v9', 'M12 12L4 7.5']}
    />
  );
}

export function IconUsers(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
        'M16 3.13a4 4 0 0 1 0 7.75',
        'M21 21v-2a4 4 0 0 0-3-3.85',
      ]}
      circles={[[9, 7, 4]]}
    />
  );
}

export function IconHistory(props: IconProps) {
  return <LineIcon {...props} paths={['M12 8v4l2 2', 'M3.05 11a9 9 0 1 1 .5 4', 'M3 20v-5h5']} />;
}

export function IconKey(props: IconProps) {
  return (
    <LineIcon {...props} paths={['M10.85 12.15L19 4', 'M18 5l2 2', 'M15 8l2 2']} circles={[[8, 15, 4]]} />
  );
}

export function IconPlus(props: IconProps) {
  return <LineIcon {...props} paths={['M12 5v14', 'M5 12h14']} />;
}

export function IconSearch(props: IconProps) {
  return <LineIcon {...props} paths={['M21 21l-6-6']} circles={[[10, 10, 7]]} />;
}

export function IconSelector(props: IconProps) {
  return <LineIcon {...props} paths={['M8 9l4-4 4 4', 'M16 15l-4 4-4-4']} />;
}

export function IconChevronRight(props: IconProps) {
  return <LineIcon {...props} paths={['M9 6l6 6-6 6']} />;
}

export function IconArrowLeft(props: IconProps) {
  return <LineIcon {...props} paths={['M5 12h14', 'M5 12l6 6', 'M5 12l6-6']} />;
}

export function IconLogo(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M10 14L21 3', 'M21 3l-6.5 18a.55.55 0 0 1-1 0L10 14l-7-3.5a.55.55 0 0 1 0-1L21 3']}
    />
  );
}

export function IconLogout(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2',
        'M9 12h12',
        'M18 9l3 3-3 3',
      ]}
    />
  );
}

export function IconExternalLink(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M12 6H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6', 'M11 13l9-9', 'M15 4h5v5']}
    />
  );
}

export function IconCopy(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M8 10a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2z',
        'M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2',
      ]}
    />
  );
}

export function IconCheck(props: IconProps) {
  return <LineIcon {...props} paths={['M5 12l5 5L20 7']} />;
}

export function IconTrash(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M4 7h16',
        'M10 11v6',
        'M14 11v6',
        'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12',
        'M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3',
      ]}
    />
  );
}

export function IconAlertTriangle(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M12 9v4',
        'M10.363 3.591L2.257 17.125a1.914 1.914 0 0 0 1.636 2.871h16.214a1.914 1.914 0 0 0 1.636-2.87L13.637 3.59a1.914 1.914 0 0 0-3.274 0z',
        'M12 16h.01',
      ]}
    />
  );
}

export function IconPhoto(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M6 3h12a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z',
        'M15 8h.01',
        'M3 16l5-5c.928-.893 2.072-.893 3 0l5 5',
        'M14 14l1-1c.928-.893 2.072-.893 3 0l3 3',
      ]}
    />
  );
}

export function IconStore(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M3 21h18',
        'M3 7v1a3 3 0 0 0 6 0V7m0 1a3 3 0 0 0 6 0V7m0 1a3 3 0 0 0 6 0V7H3l2-4h14l2 4',
        'M5 21V10.85',
        'M19 21V10.85',
        'M9 21v-4a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v4',
      ]}
    />
  );
}

export function IconUpload(props: IconProps) {
  return (
    <LineIcon {...props} paths={['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 9l5-5 5 5', 'M12 4v12']} />
  );
}

export function IconDownload(props: IconProps) {
  return (
    <LineIcon {...props} paths={['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 11l5 5 5-5', 'M12 4v12']} />
  );
}

export function IconFolder(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7']}
    />
  );
}

export function IconLayers(props: IconProps) {
  return <LineIcon {...props} paths={['M12 4l9 5-9 5-9-5 9-5', 'M3 14l9 5 9-5']} />;
}

export function IconDots(props: IconProps) {
  return (
    <LineIcon
      {...props}
      circles={[
        [5, 12, 1],
        [12, 12, 1],
        [19, 12, 1],
      ]}
      paths={[]}
    />
  );
}

export function IconArrowUp(props: IconProps) {
  return <LineIcon {...props} paths={['M12 19V5', 'M6 11l6-6 6 6']} />;
}

export function IconArrowDown(props: IconProps) {
  return <LineIcon {...props} paths={['M12 5v14', 'M6 13l6 6 6-6']} />;
}

export function IconX(props: IconProps) {
  return <LineIcon {...props} paths={['M6 6l12 12', 'M18 6L6 18']} />;
}

export function IconLanguage(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M3 12h18',
        'M12 3c2.5 2.4 3.8 5.4 3.8 9s-1.3 6.6-3.8 9',
        'M12 3c-2.5 2.4-3.8 5.4-3.8 9s1.3 6.6 3.8 9',
      ]}
      circles={[[12, 12, 9]]}
    />
  );
}

export function IconWarehouse(props: IconProps) {
  return <LineIcon {...props} paths={['M3 21V8l9-5 9 5v13', 'M7 21v-8h10v8', 'M7 17h10']} />;
}

export function IconMapPin(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z']}
      circles={[[12, 10, 2.5]]}
    />
  );
}

/** One stock shared out to several places: sales channels. */
export function IconChannels(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M8.7 10.7l6.6-3.4', 'M8.7 13.3l6.6 3.4']}
      circles={[
        [6, 12, 3],
        [18, 6, 3],
        [18, 18, 3],
      ]}
    />
  );
}

/** Two opposite arrows: stock moving between places. */
export function IconTransfer(props: IconProps) {
  return <LineIcon {...props} paths={['M4 8h14', 'M14 4l4 4-4 4', 'M20 16H6', 'M10 12l-4 4 4 4']} />;
}

/** A clipboard with ticks: a count sheet. */
export function IconClipboardCheck(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M9 4H7a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2',
        'M9 3h6v3H9z',
        'M9 14l2 2 4-4',
      ]}
    />
  );
}

/** An envelope: mail. */
/** A star: customers' reviews. */
export function IconStar(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z']}
    />
  );
}

export function IconMail(props: IconProps) {
  return <LineIcon {...props} paths={['M3 6h18v12H3z', 'M3 7l9 6 9-6']} />;
}

/** A paper clip: a message's attachments. */
export function IconPaperclip(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M15 7l-6.5 6.5a1.5 1.5 0 0 0 3 3L18 10a3 3 0 0 0-6-6l-6.5 6.5a4.5 4.5 0 0 0 9 9L21 13']}
    />
  );
}

/** A bell: notifications. */
export function IconBell(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.94 1.94 0 0 0 3.4 0']}
    />
  );
}

/** A globe: markets, the places a store sells to. */
export function IconGlobe(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M3 12h18', 'M12 3a14 14 0 0 1 0 18', 'M12 3a14 14 0 0 0 0 18']}
      circles={[[12, 12, 9]]}
    />
  );
}

/** A receipt with a percent sign: tax. */
export function IconReceiptTax(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M5 21V4a1 1 0 0 1 1-1h12a1 1 0 0 1 1 1v17l-3-2-2 2-2-2-2 2-2-2z', 'M9 14l6-6']}
      circles={[
        [9.5, 8.5, 1],
        [14.5, 13.5, 1],
      ]}
    />
  );
}

/** A delivery truck: shipping. */
export function IconTruck(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M3 6h11v10H3z', 'M14 9h4l3 3v4h-7', 'M7.5 18h6', 'M3 16v2h2']}
      circles={[
        [7, 18, 2],
        [17, 18, 2],
      ]}
    />
  );
}

/** A price tag: discounts. */
export function IconTag(props: IconProps) {
  return <LineIcon {...props} paths={['M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9z']} circles={[[7.5, 7.5, 1.5]]} />;
}

/** A pencil: edit. */
export function IconPencil(props: IconProps) {
  return <LineIcon {...props} paths={['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4']} />;
}

/** A flask: try a setup out on a made-up cart (the previews). */
export function IconFlask(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={['M9 3h6', 'M10 3v6L4.5 19a1.5 1.5 0 0 0 1.3 2h12.4a1.5 1.5 0 0 0 1.3-2L14 9V3', 'M7 15h10']}
    />
  );
}

/** A receipt: orders. */
export function IconReceipt(props: IconProps) {
  return (
    <LineIcon {...props} paths={['M5 3h14v18l-3-2-2 2-2-2-2 2-2-2-3 2z', 'M9 8h6', 'M9 12h6', 'M9 16h3']} />
  );
}

/** An arrow turning back: returns. */
export function IconReturn(props: IconProps) {
  return <LineIcon {...props} paths={['M9 14L4 9l5-5', 'M4 9h11a5 5 0 0 1 0 10h-3']} />;
}

/** A card: card payments. */
export function IconCreditCard(props: IconProps) {
  return <LineIcon {...props} paths={['M3 6h18v12H3z', 'M3 10h18', 'M7 15h3']} />;
}

export function IconChartLine(props: IconProps) {
  return <LineIcon {...props} paths={['M4 19h16', 'M4 15l4-4 4 3 6-7', 'M14 7h4v4']} />;
}

/** A sun over the horizon: the morning briefing. */
export function IconSunrise(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M3 18h18',
        'M7 18a5 5 0 0 1 10 0',
        'M12 4v3',
        'M4.9 9.9l2.1 2.1',
        'M19.1 9.9L17 12',
        'M8 21h8',
      ]}
    />
  );
}

/** A target: goals. */
export function IconTarget(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[]}
      circles={[
        [12, 12, 9],
        [12, 12, 5],
        [12, 12, 1],
      ]}
    />
  );
}

/** Stacked squares: the portfolio of stores. */
export function IconStack(props: IconProps) {
  return <LineIcon {...props} paths={['M4 8l8-4 8 4-8 4z', 'M4 12l8 4 8-4', 'M4 16l8 4 8-4']} />;
}

export function IconShield(props: IconProps) {
  return (
    <LineIcon
      {...props}
      paths={[
        'M12 3a12 12 0 0 0 8.5 3a12 12 0 0 1 -8.5 15a12 12 0 0 1 -8.5 -15a12 12 0 0 0 8.5 -3',
        'M9 12l2 2l4 -4',
      ]}
    />
  );
}

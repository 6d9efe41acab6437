/**
 * Product illustrations for the demo catalog. There is no network to fetch photos from, so each demo
 * product gets a flat, deterministic 800×800 SVG drawn from its product type (palette and family of
 * shapes) and title (which shape: a mug or a vase, a kettle or a grinder). The seed only varies small
 * things — which accent colour, which backdrop — so a grid of products looks lively but stays stable
 * between restarts.
 */

export interface ProductArtInput {
  title: string;
  productType?: string | null;
  seed: string | number;
}

/** The URL path under which the server serves a demo product's illustration. */
export function productArtPath(storeHandle: string, productHandle: string): string {
  return `/assets/demo/${encodeURIComponent(storeHandle)}/${encodeURIComponent(productHandle)}.svg`;
}

const SIZE = 800;
const GROUND = 630;

type Family =
  | 'ceramics'
  | 'linen'
  | 'cookware'
  | 'candles'
  | 'woodware'
  | 'glassware'
  | 'tools'
  | 'coffee'
  | 'brewing'
  | 'bundles'
  | 'merch'
  | 'other';

interface Palette {
  background: string;
  backdrop: string;
  ink: string;
  accents: string[];
}

const palettes: Record<Family, Palette> = {
  ceramics: {
    background: '#F3E9DF',
    backdrop: '#E8D7C5',
    ink: '#3E3732',
    accents: ['#D2BB9E', '#8FA396', '#5F6F7A', '#B5654A'],
  },
  linen: {
    background: '#E6ECE8',
    backdrop: '#D3DDD6',
    ink: '#343B37',
    accents: ['#CDBBA0', '#9EAE98', '#C99A86', '#8FA1AD'],
  },
  cookware: {
    background: '#E3E8EF',
    backdrop: '#CED6E1',
    ink: '#262B31',
    accents: ['#34383B', '#B8553C', '#3F6A6E', '#2E4A62'],
  },
  candles: {
    background: '#F5E6E0',
    backdrop: '#EBD2C8',
    ink: '#3D2F2B',
    accents: ['#B9773A', '#6D6A75', '#93AE9C', '#C98F7A'],
  },
  woodware: {
    background: '#EDE6D0',
    backdrop: '#DFD4B6',
    ink: '#362E22',
    accents: ['#C79A67', '#6E4B35', '#D4AE80', '#A8644A'],
  },
  glassware: {
    background: '#E0EEF0',
    backdrop: '#C9E0E3',
    ink: '#223437',
    accents: ['#7FB2AC', '#8DB3C4', '#99BC93', '#6F9BB0'],
  },
  tools: {
    background: '#ECE8F1',
    backdrop: '#DAD3E4',
    ink: '#2F2A36',
    accents: ['#C3A05A', '#A9A39A', '#3A3D40', '#8C7AA8'],
  },
  coffee: {
    background: '#F1E4D3',
    backdrop: '#E5CFB4',
    ink: '#35261C',
    accents: ['#B98E5F', '#2E4057', '#3F7F7A', '#B5654A'],
  },
  brewing: {
    background: '#E2E6DC',
    backdrop: '#CDD5C4',
    ink: '#262B24',
    accents: ['#2F3A40', '#6F8E8A', '#B08458', '#9A9F9C'],
  },
  bundles: {
    background: '#EFE0EA',
    backdrop: '#E0C9D8',
    ink: '#33262F',
    accents: ['#2E4057', '#B5654A', '#3F7F7A', '#7A5C8E'],
  },
  merch: {
    background: '#DCE6F0',
    backdrop: '#C5D4E4',
    ink: '#1F2A36',
    accents: ['#2E4057', '#C9B99B', '#6FA597', '#B5654A'],
  },
  other: {
    background: '#ECEBE8',
    backdrop: '#DCDAD5',
    ink: '#2F2F2D',
    accents: ['#8C8A84', '#5F6F7A', '#B5654A', '#8FA396'],
  },
};

/** Product types are free text, so families are recognised by the words shops use for them. */
const familyRules: [RegExp, Family][] = [
  [/brew|gear|equipment|grinder|kettle|espresso machine/, 'brewing'],
  [/coffee|bean|roast/, 'coffee'],
  [/ceramic|pottery|stoneware|porcelain|tableware|dinnerware/, 'ceramics'],
  [/linen|textile|towel|napkin|fabric|bedding/, 'linen'],
  [/cookware|bakeware|\bpans?\b|\bpots?\b/, 'cookware'],
  [/candle|fragrance|scent/, 'candles'],
  [/wood|board/, 'woodware'],
  [/glass|drinkware/, 'glassware'],
  [/tool|utensil|gadget/, 'tools'],
  [/bundle|gift|\bkits?\b|\bsets?\b|subscription/, 'bundles'],
  [/merch|apparel|accessor|clothing|bag/, 'merch'],
];

type Shape =
  | 'mug'
  | 'cups'
  | 'bowl'
  | 'plate'
  | 'vase'
  | 'jug'
  | 'teapot'
  | 'cloth'
  | 'pot'
  | 'saucepan'
  | 'skillet'
  | 'gratin'
  | 'jarCandle'
  | 'tapers'
  | 'pillar'
  | 'board'
  | 'spoons'
  | 'tin'
  | 'tumbler'
  | 'carafe'
  | 'wineGlass'
  | 'storageJar'
  | 'mortar'
  | 'trivet'
  | 'coffeeBag'
  | 'kettle'
  | 'dripper'
  | 'grinder'
  | 'press'
  | 'scale'
  | 'giftBox'
  | 'tote'
  | 'travelTumbler'
  | 'abstract';

/** Within a family the title picks the shape (first matching rule); otherwise the seed picks a default. */
const shapeRules: Record<Family, { rules: [RegExp, Shape][]; defaults: Shape[] }> = {
  ceramics: {
    rules: [
      [/teapot/, 'teapot'],
      [/espresso|cups/, 'cups'],
      [/mug|cup/, 'mug'],
      [/vase/, 'vase'],
      [/jug|pitcher|creamer|cruet|bottle/, 'jug'],
      [/plate|platter/, 'plate'],
      [/bowl|dish/, 'bowl'],
    ],
    defaults: ['mug', 'bowl', 'vase'],
  },
  linen: { rules: [], defaults: ['cloth'] },
  cookware: {
    rules: [
      [/saucepan|milk pan|sauce pan/, 'saucepan'],
      [/casserole|dutch oven|stock ?pot|cocotte/, 'pot'],
      [/skillet|cr[eê]pe|frying|griddle|wok/, 'skillet'],
      [/gratin|roast|baking|tray|dish/, 'gratin'],
    ],
    defaults: ['pot', 'skillet'],
  },
  candles: {
    rules: [
      [/taper/, 'tapers'],
      [/pillar/, 'pillar'],
      [/travel|tin/, 'tin'],
    ],
    defaults: ['jarCandle'],
  },
  woodware: {
    rules: [
      [/spoon|spatula|server|utensil|ladle/, 'spoons'],
      [/butter|wax|oil/, 'tin'],
    ],
    defaults: ['board'],
  },
  glassware: {
    rules: [
      [/carafe|decanter|bottle|pitcher/, 'carafe'],
      [/wine|stem/, 'wineGlass'],
      [/jar|canister/, 'storageJar'],
    ],
    defaults: ['tumbler'],
  },
  tools: {
    rules: [
      [/mortar/, 'mortar'],
      [/trivet/, 'trivet'],
    ],
    defaults: ['spoons'],
  },
  coffee: { rules: [], defaults: ['coffeeBag'] },
  brewing: {
    rules: [
      [/kettle/, 'kettle'],
      [/grinder|mill/, 'grinder'],
      [/press/, 'press'],
      [/scale/, 'scale'],
      [/server|carafe/, 'carafe'],
      [/dripper|filter|pour/, 'dripper'],
    ],
    defaults: ['dripper', 'kettle'],
  },
  bundles: { rules: [], defaults: ['giftBox'] },
  merch: {
    rules: [
      [/mug|cup/, 'mug'],
      [/tumbler|bottle|flask/, 'travelTumbler'],
      [/tote|bag/, 'tote'],
    ],
    defaults: ['tote'],
  },
  other: { rules: [], defaults: ['abstract'] },
};

interface Colours {
  accent: string;
  dark: string;
  light: string;
  ink: string;
  background: string;
  random: () => number;
}

export function renderProductArt(input: ProductArtInput): string {
  const title = input.title;
  const productType = (input.productType ?? '').toLowerCase();
  const random = seededRandom(`${input.seed}\u0000${title}\u0000${productType}`);
  const family = familyRules.find(([pattern]) => pattern.test(productType))?.[1] ?? 'other';
  const palette = palettes[family];
  const shape = pickShape(family, title.toLowerCase(), random);
  const accent = pick(palette.accents, random);
  const colours: Colours = {
    accent,
    dark: mix(accent, palette.ink, 0.32),
    light: mix(accent, '#FFFFFF', 0.45),
    ink: palette.ink,
    background: palette.background,
    random,
  };
  const label = escapeXml(title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect width="${SIZE}" height="${SIZE}" fill="${palette.background}"/>`,
    backdrop(palette, random),
    `<rect y="${GROUND + 12}" width="${SIZE}" height="${SIZE - GROUND - 12}" fill="${mix(palette.background, palette.ink, 0.05)}"/>`,
    `<ellipse cx="400" cy="${GROUND + 4}" rx="215" ry="16" fill="${palette.ink}" opacity="0.12"/>`,
    `<g transform="translate(400 ${GROUND}) scale(1.12) translate(-400 -${GROUND})">${shapes[shape](colours)}</g>`,
    '</svg>',
  ].join('');
}

function pickShape(family: Family, title: string, random: () => number): Shape {
  const candidates =
    family === 'other' ? Object.values(shapeRules).flatMap((s) => s.rules) : shapeRules[family].rules;
  const matched = candidates.find(([pattern]) => pattern.test(title));
  return matched ? matched[1] : pick(shapeRules[family].defaults, random);
}

function backdrop(palette: Palette, random: () => number): string {
  const variant = Math.floor(random() * 3);
  const fill = palette.backdrop;
  const base =
    variant === 0
      ? `<path d="M170 ${GROUND + 12} V390 A230 230 0 0 1 630 390 V${GROUND + 12} Z" fill="${fill}"/>`
      : variant === 1
        ? `<circle cx="400" cy="420" r="260" fill="${fill}"/>`
        : `<rect x="160" y="150" width="480" height="${GROUND + 12 - 150}" rx="64" fill="${fill}"/>`;
  const dotColour = mix(palette.backdrop, palette.ink, 0.18);
  const dots = Array.from({ length: 5 }, (_, i) => {
    // Keep the dots in the upper corners, clear of the illustration in the middle.
    const left = i % 2 === 0;
    const x = Math.round(left ? 70 + random() * 110 : 620 + random() * 110);
    const y = Math.round(80 + random() * 260);
    const r = Math.round(4 + random() * 6);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="${dotColour}" opacity="0.7"/>`;
  });
  return base + dots.join('');
}

const flame = (x: number, tip: number) =>
  `<circle cx="${x}" cy="${tip + 45}" r="58" fill="#FCE7A6" opacity="0.35"/>` +
  `<path d="M${x} ${tip} Q${x + 30} ${tip + 50} ${x} ${tip + 80} Q${x - 30} ${tip + 50} ${x} ${tip} Z" fill="#F2B544"/>` +
  `<path d="M${x} ${tip + 30} Q${x + 13} ${tip + 55} ${x} ${tip + 72} Q${x - 13} ${tip + 55} ${x} ${tip + 30} Z" fill="#FCE7A6"/>`;

const steam = (x: number, top: number, ink: string) =>
  [-40, 0, 40]
    .map(
      (dx) =>
        `<path d="M${x + dx} ${top + 80} Q${x + dx - 18} ${top + 55} ${x + dx} ${top + 40} T${x + dx} ${top}" ` +
        `fill="none" stroke="${ink}" stroke-width="6" stroke-linecap="round" opacity="0.18"/>`,
    )
    .join('');

const highlight = (x: number, y: number, height: number) =>
  `<rect x="${x}" y="${y}" width="14" height="${height}" rx="7" fill="#FFFFFF" opacity="0.22"/>`;

const smallCup = (cx: number, base: number, fill: string, dark: string) =>
  `<ellipse cx="${cx}" cy="${base - 4}" rx="78" ry="12" fill="${dark}"/>` +
  `<path d="M${cx + 44} ${base - 80} C${cx + 90} ${base - 80} ${cx + 90} ${base - 30} ${cx + 44} ${base - 30}" fill="none" stroke="${dark}" stroke-width="12"/>` +
  `<path d="M${cx - 52} ${base - 100} H${cx + 52} V${base - 40} Q${cx + 52} ${base - 14} ${cx + 26} ${base - 14} H${cx - 26} Q${cx - 52} ${base - 14} ${cx - 52} ${base - 40} Z" fill="${fill}"/>` +
  `<ellipse cx="${cx}" cy="${base - 100}" rx="52" ry="9" fill="${dark}"/>`;

/** A few roasted beans spilled beside the bag: x, y and rotation. */
const looseBeans: [number, number, number][] = [
  [232, 622, -20],
  [196, 616, 35],
  [214, 597, 60],
];

const shapes: Record<Shape, (c: Colours) => string> = {
  mug: (c) =>
    `<path d="M505 445 C590 445 590 565 505 565" fill="none" stroke="${c.dark}" stroke-width="26" stroke-linecap="round"/>` +
    `<path d="M290 390 H510 V590 Q510 630 470 630 H330 Q290 630 290 590 Z" fill="${c.accent}"/>` +
    `<path d="M290 390 H510 V462 Q455 486 400 468 Q345 450 290 474 Z" fill="${c.light}"/>` +
    `<ellipse cx="400" cy="390" rx="110" ry="15" fill="${c.dark}"/>` +
    highlight(318, 490, 110) +
    steam(400, 250, c.ink),

  cups: (c) =>
    smallCup(250, GROUND, c.light, c.dark) +
    smallCup(410, GROUND, c.accent, c.dark) +
    smallCup(570, GROUND, c.dark, c.ink),

  bowl: (c) =>
    `<rect x="340" y="612" width="120" height="18" rx="6" fill="${c.dark}"/>` +
    `<path d="M210 470 Q215 620 400 620 Q585 620 590 470 Z" fill="${c.accent}"/>` +
    `<ellipse cx="400" cy="470" rx="190" ry="32" fill="${c.dark}"/>` +
    `<ellipse cx="400" cy="476" rx="172" ry="22" fill="${c.light}" opacity="0.55"/>` +
    `<path d="M240 500 Q300 590 400 596" fill="none" stroke="#FFFFFF" stroke-width="10" stroke-linecap="round" opacity="0.2"/>`,

  plate: (c) =>
    `<circle cx="450" cy="450" r="180" fill="${c.dark}"/>` +
    `<circle cx="390" cy="430" r="200" fill="${c.accent}"/>` +
    `<circle cx="390" cy="430" r="132" fill="${c.light}" opacity="0.6"/>` +
    `<circle cx="390" cy="430" r="132" fill="none" stroke="${c.dark}" stroke-width="4" opacity="0.3"/>`,

  vase: (c) =>
    `<path d="M400 250 Q385 170 430 105" fill="none" stroke="#6B7F5E" stroke-width="6" stroke-linecap="round"/>` +
    `<ellipse cx="445" cy="150" rx="30" ry="13" transform="rotate(-35 445 150)" fill="#7F9470"/>` +
    `<ellipse cx="378" cy="190" rx="30" ry="13" transform="rotate(30 378 190)" fill="#7F9470"/>` +
    `<ellipse cx="420" cy="118" rx="22" ry="10" transform="rotate(-70 420 118)" fill="#93A884"/>` +
    `<path d="M362 250 H438 V300 Q530 360 530 480 Q530 630 400 630 Q270 630 270 480 Q270 360 362 300 Z" fill="${c.accent}"/>` +
    [-90, -45, 0, 45, 90]
      .map(
        (k) =>
          `<path d="M${400 + k * 0.55} 318 Q${400 + k * 1.3} 470 ${400 + k * 0.85} 618" fill="none" stroke="${c.dark}" stroke-width="5" opacity="0.28"/>`,
      )
      .join('') +
    `<rect x="352" y="240" width="96" height="18" rx="9" fill="${c.dark}"/>`,

  jug: (c) =>
    `<path d="M500 400 C585 410 590 545 512 565" fill="none" stroke="${c.dark}" stroke-width="24" stroke-linecap="round"/>` +
    `<path d="M303 360 L258 334 L316 404 Z" fill="${c.dark}"/>` +
    `<path d="M300 360 H500 Q522 460 522 540 Q522 630 400 630 Q278 630 278 540 Q278 460 300 360 Z" fill="${c.accent}"/>` +
    `<ellipse cx="400" cy="360" rx="100" ry="13" fill="${c.dark}"/>` +
    highlight(318, 430, 140),

  teapot: (c) =>
    `<path d="M250 515 Q195 495 180 415 L204 410 Q222 478 275 488 Z" fill="${c.accent}"/>` +
    `<path d="M556 450 C640 450 640 590 552 585" fill="none" stroke="${c.dark}" stroke-width="24" stroke-linecap="round"/>` +
    `<ellipse cx="400" cy="515" rx="170" ry="115" fill="${c.accent}"/>` +
    `<path d="M315 412 Q400 365 485 412 Z" fill="${c.dark}"/>` +
    `<circle cx="400" cy="378" r="16" fill="${c.dark}"/>` +
    `<path d="M262 540 Q300 610 400 622" fill="none" stroke="#FFFFFF" stroke-width="10" stroke-linecap="round" opacity="0.2"/>`,

  cloth: (c) => {
    const layers = [c.accent, c.light, c.dark];
    return layers
      .map((fill, i) => {
        const y = GROUND - 62 * (i + 1);
        const x = 230 + Math.round((c.random() - 0.5) * 24);
        return (
          `<rect x="${x}" y="${y}" width="340" height="62" rx="16" fill="${fill}"/>` +
          `<rect x="${x}" y="${y + 34}" width="340" height="28" rx="14" fill="${c.ink}" opacity="0.07"/>` +
          `<rect x="${x + 276}" y="${y}" width="8" height="62" fill="${c.ink}" opacity="0.22"/>` +
          `<rect x="${x + 292}" y="${y}" width="4" height="62" fill="${c.ink}" opacity="0.22"/>`
        );
      })
      .join('')
      .concat(
        `<path d="M400 ${GROUND - 186} q-18 -44 10 -52 q22 -4 14 52" fill="none" stroke="${c.dark}" stroke-width="6"/>`,
      );
  },

  pot: (c) =>
    steam(400, 210, c.ink) +
    `<rect x="220" y="470" width="60" height="24" rx="12" fill="${c.dark}"/>` +
    `<rect x="520" y="470" width="60" height="24" rx="12" fill="${c.dark}"/>` +
    `<path d="M250 450 H550 V590 Q550 630 510 630 H290 Q250 630 250 590 Z" fill="${c.accent}"/>` +
    `<path d="M248 452 Q400 382 552 452 Z" fill="${c.dark}"/>` +
    `<rect x="240" y="444" width="320" height="14" rx="7" fill="${c.dark}"/>` +
    `<rect x="378" y="392" width="44" height="24" rx="9" fill="${c.ink}"/>` +
    highlight(278, 480, 110),

  saucepan: (c) =>
    steam(400, 270, c.ink) +
    `<path d="M505 480 L702 440 Q714 438 716 450 Q718 462 706 465 L512 505 Z" fill="${c.dark}"/>` +
    `<path d="M290 470 H510 V600 Q510 630 480 630 H320 Q290 630 290 600 Z" fill="${c.accent}"/>` +
    `<rect x="280" y="460" width="240" height="16" rx="8" fill="${c.dark}"/>` +
    highlight(314, 500, 90),

  skillet: (c) =>
    steam(390, 350, c.ink) +
    `<path d="M562 534 L720 510 Q738 508 738 525 Q738 540 720 542 L566 556 Z" fill="${c.dark}"/>` +
    `<circle cx="718" cy="526" r="6" fill="${c.background}"/>` +
    `<path d="M212 540 H568 L540 612 Q534 630 512 630 H268 Q246 630 240 612 Z" fill="${c.accent}"/>` +
    `<rect x="200" y="526" width="380" height="18" rx="9" fill="${c.dark}"/>`,

  gratin: (c) =>
    `<ellipse cx="170" cy="560" rx="32" ry="16" fill="${c.dark}"/>` +
    `<ellipse cx="630" cy="560" rx="32" ry="16" fill="${c.dark}"/>` +
    `<ellipse cx="400" cy="560" rx="232" ry="72" fill="${c.accent}"/>` +
    `<ellipse cx="400" cy="550" rx="196" ry="50" fill="${c.dark}"/>` +
    `<ellipse cx="400" cy="554" rx="182" ry="42" fill="#D9A25F"/>` +
    [
      [330, 545],
      [395, 565],
      [455, 540],
      [500, 562],
      [290, 565],
    ]
      .map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="20" ry="8" fill="#A8662F" opacity="0.55"/>`)
      .join(''),

  jarCandle: (c) =>
    flame(400, 270) +
    `<rect x="396" y="345" width="8" height="45" rx="3" fill="${c.ink}"/>` +
    `<rect x="300" y="380" width="200" height="250" rx="26" fill="${c.accent}"/>` +
    `<ellipse cx="400" cy="392" rx="92" ry="14" fill="#F4EBDD"/>` +
    `<rect x="322" y="470" width="156" height="92" rx="6" fill="#F7F1E6"/>` +
    `<rect x="352" y="500" width="96" height="8" rx="4" fill="${c.ink}" opacity="0.35"/>` +
    `<rect x="368" y="520" width="64" height="6" rx="3" fill="${c.ink}" opacity="0.25"/>` +
    highlight(318, 400, 200),

  tapers: (c) =>
    [340, 460]
      .map((x, i) => {
        const top = 260 + i * 40;
        return (
          flame(x, top - 90) +
          `<rect x="${x - 3}" y="${top - 20}" width="6" height="24" rx="3" fill="${c.ink}"/>` +
          `<rect x="${x - 15}" y="${top}" width="30" height="${560 - top}" rx="8" fill="${c.light}"/>` +
          `<rect x="${x - 40}" y="560" width="80" height="36" rx="10" fill="${c.dark}"/>` +
          `<rect x="${x - 60}" y="596" width="120" height="34" rx="14" fill="${c.accent}"/>`
        );
      })
      .join(''),

  pillar: (c) =>
    `<ellipse cx="400" cy="${GROUND - 6}" rx="150" ry="20" fill="${c.accent}"/>` +
    flame(400, 260) +
    `<rect x="396" y="335" width="8" height="34" rx="3" fill="${c.ink}"/>` +
    `<rect x="320" y="360" width="160" height="262" rx="14" fill="#F1E8D6"/>` +
    `<ellipse cx="400" cy="366" rx="80" ry="12" fill="#E6DAC2"/>` +
    highlight(338, 390, 200),

  board: (c) =>
    `<rect x="300" y="340" width="300" height="290" rx="30" fill="${c.dark}"/>` +
    `<rect x="355" y="215" width="90" height="110" rx="32" fill="${c.accent}"/>` +
    `<rect x="255" y="300" width="290" height="330" rx="36" fill="${c.accent}"/>` +
    `<circle cx="400" cy="252" r="16" fill="${c.background}"/>` +
    [0, 1, 2, 3]
      .map(
        (i) =>
          `<path d="M${295 + i * 62} 335 Q${318 + i * 62} 470 ${292 + i * 62} 600" fill="none" stroke="${c.dark}" stroke-width="3" opacity="0.35"/>`,
      )
      .join(''),

  spoons: (c) =>
    [
      [-16, c.light],
      [0, c.accent],
      [16, c.dark],
    ]
      .map(
        ([angle, fill]) =>
          `<g transform="rotate(${angle} 400 630)">` +
          `<rect x="391" y="330" width="18" height="300" rx="9" fill="${fill}"/>` +
          `<ellipse cx="400" cy="290" rx="40" ry="58" fill="${fill}"/></g>`,
      )
      .join('') +
    `<rect x="316" y="470" width="168" height="160" rx="20" fill="${mix(c.background, c.ink, 0.55)}"/>` +
    `<rect x="316" y="470" width="168" height="22" rx="11" fill="${mix(c.background, c.ink, 0.7)}"/>`,

  tin: (c) =>
    `<path d="M280 500 H520 V600 Q520 630 400 630 Q280 630 280 600 Z" fill="${c.accent}"/>` +
    `<path d="M270 470 H530 V512 Q530 540 400 540 Q270 540 270 512 Z" fill="${c.dark}"/>` +
    `<ellipse cx="400" cy="470" rx="130" ry="26" fill="${c.light}"/>` +
    `<ellipse cx="400" cy="470" rx="60" ry="11" fill="${c.accent}" opacity="0.6"/>`,

  tumbler: (c) =>
    `<path d="M315 390 H485 L470 618 Q468 630 455 630 H345 Q332 630 330 618 Z" fill="${c.accent}" opacity="0.4" stroke="${c.dark}" stroke-width="4"/>` +
    `<path d="M322 480 H478 L468 600 H332 Z" fill="${c.accent}" opacity="0.45"/>` +
    `<rect x="334" y="600" width="132" height="26" rx="6" fill="${c.dark}" opacity="0.3"/>` +
    highlight(338, 410, 160),

  carafe: (c) =>
    `<path d="M372 250 H428 V330 Q510 380 510 500 V600 Q510 630 480 630 H320 Q290 630 290 600 V500 Q290 380 372 330 Z" fill="${c.accent}" opacity="0.35" stroke="${c.dark}" stroke-width="4"/>` +
    `<path d="M296 480 H504 V598 Q504 624 478 624 H322 Q296 624 296 598 Z" fill="${c.accent}" opacity="0.5"/>` +
    `<rect x="362" y="240" width="76" height="16" rx="8" fill="${c.dark}" opacity="0.7"/>` +
    highlight(318, 420, 170),

  wineGlass: (c) =>
    `<path d="M306 500 H494 Q490 580 460 610 Q440 630 400 630 Q360 630 340 610 Q310 580 306 500 Z" fill="#8E2F3C" opacity="0.75"/>` +
    `<path d="M310 380 Q296 560 340 610 Q360 630 400 630 Q440 630 460 610 Q504 560 490 380 Z" fill="${c.accent}" opacity="0.3" stroke="${c.dark}" stroke-width="4"/>` +
    highlight(330, 410, 150),

  storageJar: (c) =>
    `<rect x="306" y="450" width="188" height="174" rx="18" fill="#8A5A3B"/>` +
    Array.from({ length: 9 }, (_, i) => {
      const x = 330 + (i % 3) * 70 + Math.round(c.random() * 12);
      const y = 480 + Math.floor(i / 3) * 50 + Math.round(c.random() * 10);
      return `<ellipse cx="${x}" cy="${y}" rx="14" ry="10" fill="#5E3B25"/>`;
    }).join('') +
    `<rect x="300" y="370" width="200" height="260" rx="24" fill="${c.accent}" opacity="0.3" stroke="${c.dark}" stroke-width="4"/>` +
    `<rect x="292" y="335" width="216" height="45" rx="12" fill="#B98A5E"/>` +
    highlight(318, 395, 200),

  mortar: (c) =>
    `<rect x="452" y="300" width="42" height="220" rx="21" transform="rotate(28 473 410)" fill="${c.dark}"/>` +
    `<path d="M255 480 Q265 630 400 630 Q535 630 545 480 Z" fill="${c.accent}"/>` +
    `<ellipse cx="400" cy="480" rx="145" ry="28" fill="${c.dark}"/>` +
    `<path d="M300 540 Q350 520 380 580 M440 510 Q470 560 520 540" fill="none" stroke="${c.ink}" stroke-width="3" opacity="0.15"/>`,

  trivet: (c) =>
    `<circle cx="400" cy="430" r="190" fill="none" stroke="${c.accent}" stroke-width="24"/>` +
    [0, 60, 120, 180, 240, 300]
      .map(
        (angle) =>
          `<g transform="rotate(${angle} 400 430)">` +
          `<path d="M400 430 V250 M400 330 L350 280 M400 370 L452 318" fill="none" stroke="${c.accent}" stroke-width="14" stroke-linecap="round"/></g>`,
      )
      .join('') +
    `<circle cx="400" cy="430" r="26" fill="${c.dark}"/>`,

  coffeeBag: (c) =>
    looseBeans
      .map(
        ([x, y, a]) =>
          `<g transform="rotate(${a} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="16" ry="11" fill="#6B4226"/>` +
          `<path d="M${x - 12} ${y} Q${x} ${y - 5} ${x + 12} ${y}" fill="none" stroke="#3E2616" stroke-width="3"/></g>`,
      )
      .join('') +
    `<path d="M285 300 L515 300 L535 600 Q536 630 505 630 H295 Q264 630 265 600 Z" fill="${c.accent}"/>` +
    `<path d="M285 300 L330 300 L318 630 H295 Q264 630 265 600 Z" fill="${c.ink}" opacity="0.08"/>` +
    `<path d="M280 322 V282 ${zigzag(280, 520, 282, 10)} V322 Z" fill="${c.dark}"/>` +
    `<circle cx="400" cy="352" r="11" fill="${c.dark}"/><circle cx="400" cy="352" r="4" fill="${c.light}"/>` +
    `<rect x="320" y="400" width="160" height="150" rx="10" fill="#F6EEDF"/>` +
    `<g transform="rotate(-25 400 455)"><ellipse cx="400" cy="455" rx="30" ry="42" fill="${c.dark}"/>` +
    `<path d="M394 420 Q384 455 408 492" fill="none" stroke="#F6EEDF" stroke-width="5"/></g>` +
    `<rect x="350" y="512" width="100" height="7" rx="3" fill="${c.ink}" opacity="0.35"/>` +
    `<rect x="365" y="527" width="70" height="6" rx="3" fill="${c.ink}" opacity="0.25"/>`,

  kettle: (c) =>
    steam(260, 230, c.ink) +
    `<path d="M322 585 C252 575 248 430 196 402" fill="none" stroke="${c.accent}" stroke-width="16" stroke-linecap="round"/>` +
    `<path d="M474 452 C562 440 578 572 496 592" fill="none" stroke="#7A5536" stroke-width="20" stroke-linecap="round"/>` +
    `<path d="M298 612 L320 440 Q400 402 480 440 L502 612 Q504 630 486 630 H314 Q296 630 298 612 Z" fill="${c.accent}"/>` +
    `<path d="M350 428 Q400 388 450 428 Z" fill="${c.dark}"/>` +
    `<circle cx="400" cy="398" r="14" fill="#7A5536"/>` +
    highlight(330, 470, 120),

  dripper: (c) =>
    `<path d="M320 500 H480 Q502 560 482 618 Q477 630 462 630 H338 Q323 630 318 618 Q298 560 320 500 Z" fill="${c.light}" opacity="0.5" stroke="${c.dark}" stroke-width="4"/>` +
    `<path d="M312 560 H488 Q492 590 482 618 Q477 626 462 626 H338 Q323 626 318 618 Q308 590 312 560 Z" fill="#5B3A22" opacity="0.85"/>` +
    `<ellipse cx="400" cy="520" rx="6" ry="9" fill="#5B3A22"/>` +
    `<path d="M508 380 C560 380 560 450 490 455" fill="none" stroke="${c.dark}" stroke-width="14" stroke-linecap="round"/>` +
    `<path d="M290 360 H510 L455 485 H345 Z" fill="${c.accent}"/>` +
    `<path d="M340 380 L370 470 M400 380 V470 M460 380 L430 470" fill="none" stroke="${c.ink}" stroke-width="4" opacity="0.15"/>` +
    `<rect x="280" y="350" width="240" height="16" rx="8" fill="${c.dark}"/>` +
    `<rect x="318" y="480" width="164" height="14" rx="7" fill="${c.dark}"/>`,

  grinder: (c) =>
    `<rect x="395" y="296" width="10" height="70" fill="${c.ink}"/>` +
    `<path d="M400 300 L530 266" fill="none" stroke="${c.ink}" stroke-width="10" stroke-linecap="round"/>` +
    `<circle cx="530" cy="266" r="22" fill="#7A5536"/>` +
    `<rect x="345" y="380" width="110" height="250" rx="18" fill="${c.accent}"/>` +
    `<rect x="335" y="360" width="130" height="32" rx="10" fill="${c.dark}"/>` +
    `<rect x="345" y="520" width="110" height="26" fill="${c.dark}"/>` +
    [0, 1, 2, 3, 4]
      .map(
        (i) =>
          `<rect x="${358 + i * 19}" y="400" width="6" height="100" rx="3" fill="${c.ink}" opacity="0.14"/>`,
      )
      .join(''),

  press: (c) =>
    `<rect x="396" y="300" width="8" height="80" fill="${c.dark}"/>` +
    `<circle cx="400" cy="292" r="17" fill="${c.dark}"/>` +
    `<path d="M480 410 C550 410 550 560 480 560" fill="none" stroke="${c.accent}" stroke-width="20" stroke-linecap="round"/>` +
    `<rect x="320" y="380" width="160" height="236" rx="8" fill="${c.light}" opacity="0.45" stroke="${c.dark}" stroke-width="4"/>` +
    `<rect x="326" y="440" width="148" height="172" rx="6" fill="#5B3A22"/>` +
    `<rect x="326" y="440" width="148" height="18" fill="#A77B55"/>` +
    `<rect x="312" y="364" width="176" height="24" rx="8" fill="${c.accent}"/>` +
    `<rect x="310" y="610" width="180" height="20" rx="6" fill="${c.accent}"/>` +
    highlight(340, 470, 120),

  scale: (c) =>
    smallCup(400, 548, c.light, c.dark) +
    `<rect x="220" y="560" width="360" height="70" rx="18" fill="${c.accent}"/>` +
    `<rect x="232" y="546" width="336" height="20" rx="10" fill="${c.dark}"/>` +
    `<rect x="330" y="584" width="140" height="30" rx="6" fill="${c.ink}"/>` +
    `<rect x="346" y="594" width="60" height="10" rx="3" fill="#9FE0C1" opacity="0.85"/>` +
    `<rect x="420" y="594" width="36" height="10" rx="3" fill="#9FE0C1" opacity="0.55"/>`,

  giftBox: (c) =>
    `<rect x="250" y="420" width="300" height="210" rx="10" fill="${c.accent}"/>` +
    `<rect x="250" y="420" width="300" height="34" fill="${c.ink}" opacity="0.12"/>` +
    `<rect x="235" y="380" width="330" height="60" rx="10" fill="${c.dark}"/>` +
    `<rect x="385" y="380" width="30" height="250" fill="${c.light}"/>` +
    `<ellipse cx="360" cy="355" rx="44" ry="22" transform="rotate(-20 360 355)" fill="${c.light}"/>` +
    `<ellipse cx="440" cy="355" rx="44" ry="22" transform="rotate(20 440 355)" fill="${c.light}"/>` +
    `<circle cx="400" cy="372" r="16" fill="${mix(c.light, c.ink, 0.2)}"/>`,

  tote: (c) =>
    `<path d="M320 405 Q320 262 400 262 Q480 262 480 405" fill="none" stroke="${c.dark}" stroke-width="18"/>` +
    `<path d="M270 400 H530 L548 630 H252 Z" fill="${c.accent}"/>` +
    `<path d="M272 420 H528" stroke="${c.dark}" stroke-width="3" stroke-dasharray="10 8" opacity="0.5"/>` +
    `<path d="M325 520 Q362 488 400 520 T475 520" fill="none" stroke="${c.dark}" stroke-width="10" stroke-linecap="round"/>` +
    `<path d="M345 555 Q372 532 400 555 T455 555" fill="none" stroke="${c.dark}" stroke-width="7" stroke-linecap="round" opacity="0.6"/>`,

  travelTumbler: (c) =>
    `<path d="M335 350 H465 L452 618 Q450 630 438 630 H362 Q350 630 348 618 Z" fill="${c.accent}"/>` +
    `<rect x="326" y="318" width="148" height="42" rx="12" fill="${c.dark}"/>` +
    `<rect x="342" y="302" width="116" height="20" rx="8" fill="${c.ink}"/>` +
    `<path d="M362 500 Q381 484 400 500 T438 500" fill="none" stroke="${c.light}" stroke-width="7" stroke-linecap="round"/>` +
    highlight(356, 380, 200),

  abstract: (c) =>
    `<circle cx="330" cy="480" r="150" fill="${c.accent}"/>` +
    `<rect x="380" y="360" width="200" height="270" rx="24" fill="${c.dark}" opacity="0.9"/>` +
    `<circle cx="520" cy="300" r="40" fill="${c.light}"/>`,
};

/** A crimped edge from x1 to x2 along y, in teeth of the given width (path commands, absolute). */
function zigzag(x1: number, x2: number, y: number, tooth: number): string {
  const points: string[] = [];
  for (let x = x1 + tooth / 2, up = true; x <= x2; x += tooth / 2, up = !up) {
    points.push(`L${x} ${up ? y - 6 : y}`);
  }
  return `${points.join(' ')} L${x2} ${y}`;
}

/** Removes characters XML 1.0 forbids, then escapes the five that have meaning in markup. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** mulberry32 seeded by FNV-1a: tiny, fast and the same on every platform. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(from: string, to: string, amount: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return `#${a
    .map((v, i) =>
      Math.round(v + (b[i]! - v) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

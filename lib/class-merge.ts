/**
 * `cn()`'s conflict resolution in ~1 kB instead of tailwind-merge's ~7 kB (compressed) on every page: a later
 * Tailwind class replaces an earlier one of the same kind under the same variants (`px-2 px-4` → `px-4`,
 * `p-4` after `px-2` → `p-4`). It knows the utilities this code base uses; class-merge.test.ts checks it gives
 * tailwind-merge's answer for every pair of classes written in components/ and app/. A class it does not
 * know is kept as written (never dropped).
 */
const SIDES = 'trblse';
const ROUND_SIDES = new Set(['t', 'r', 'b', 'l', 's', 'e', 'tl', 'tr', 'br', 'bl', 'ss', 'se', 'es', 'ee']);
const SIZE = /^(xs|sm|base|lg|[2-9]?xl|\[\d[^\]]*(px|rem|em)\])(\/.+)?$/;

/** Groups a later class of the key also overrides (p → px, pt, …). */
const OVERRIDES: Record<string, string[]> = {
  p: ['px', 'py', 'pt', 'pr', 'pb', 'pl', 'ps', 'pe'],
  px: ['pr', 'pl', 'ps', 'pe'],
  py: ['pt', 'pb'],
  m: ['mx', 'my', 'mt', 'mr', 'mb', 'ml', 'ms', 'me'],
  mx: ['mr', 'ml', 'ms', 'me'],
  my: ['mt', 'mb'],
  gap: ['gap-x', 'gap-y'],
  size: ['w', 'h'],
  inset: ['inset-x', 'inset-y', 'top', 'right', 'bottom', 'left'],
  'inset-x': ['right', 'left'],
  'inset-y': ['top', 'bottom'],
  rounded: ['rounded-t', 'rounded-r', 'rounded-b', 'rounded-l', 'rounded-tl', 'rounded-tr', 'rounded-br', 'rounded-bl'],
  'border-w': ['border-w-x', 'border-w-y', 'border-w-t', 'border-w-r', 'border-w-b', 'border-w-l'],
  overflow: ['overflow-x', 'overflow-y'],
  'text-size': ['leading'],
  flex: ['grow', 'shrink', 'basis'],
};

const EXACT: Record<string, string> = {};
const exact = (group: string, names: string) => names.split(' ').forEach((n) => (EXACT[n] = group));
exact('display', 'block inline-block inline flex inline-flex grid inline-grid hidden contents table flow-root list-item');
exact('position', 'static fixed absolute relative sticky');
exact('visibility', 'visible invisible collapse');
exact('sr', 'sr-only not-sr-only');
exact('text-align', 'text-left text-center text-right text-justify text-start text-end');
exact('text-wrap', 'text-wrap text-nowrap text-balance text-pretty');
exact('text-overflow', 'truncate text-ellipsis text-clip');
exact('decoration-line', 'underline overline line-through no-underline');
exact('text-transform', 'uppercase lowercase capitalize normal-case');
exact('font-style', 'italic not-italic');
exact('fvn-spacing', 'tabular-nums proportional-nums');
exact('flex-direction', 'flex-row flex-row-reverse flex-col flex-col-reverse');
exact('flex-wrap', 'flex-wrap flex-wrap-reverse flex-nowrap');
exact('border-style', 'border-solid border-dashed border-dotted border-double border-hidden border-none');
exact('outline-style', 'outline-none outline-hidden outline outline-dashed outline-dotted outline-double');
exact('ring-w', 'ring ring-0 ring-1 ring-2 ring-4 ring-8 ring-inset');
exact('shrink', 'shrink shrink-0');
exact('grow', 'grow grow-0');
exact('break', 'break-normal break-words break-all break-keep');
exact('shadow', 'shadow');
exact('touch-y', 'touch-pan-y'); // the one touch-action utility in use (every byte here ships on every page)
exact('transition', 'transition');
exact('fw', 'font-thin font-extralight font-light font-normal font-medium font-semibold font-bold font-extrabold font-black');

const PREFIXES: [RegExp, string][] = [
  [
    /^(min-w|max-w|min-h|max-h|size|w|h|z|opacity|cursor|pointer-events|select|leading|tracking|whitespace|items|self|place-items|place-content|place-self|basis|order|aspect|columns|grid-cols|col-span|col|grid-rows|row-span|row|duration|ease|delay|animate|transition|scale|rotate|translate-x|translate-y|origin|accent|caret|fill|stroke|underline-offset|decoration|object|list|appearance|resize|scroll-m|scroll-p|snap|gap-x|gap-y|gap|space-x|space-y|overflow-x|overflow-y|overflow|shadow|outline-offset|line-clamp|indent|align|will-change|fill|backdrop-blur|blur)-/,
    '',
  ],
];

function group(base: string): string | null {
  if (EXACT[base]) return EXACT[base]!;
  let m = /^-?([pm])([xy]|[trblse])?-(.+)$/.exec(base);
  if (m && (m[2] === undefined || 'xy'.includes(m[2]) || SIDES.includes(m[2]))) return `${m[1]}${m[2] ?? ''}`;
  if ((m = /^justify-(items|self)-/.exec(base))) return `justify-${m[1]}`;
  if (base.startsWith('justify-')) return 'justify';
  if ((m = /^flex-(.+)$/.exec(base))) return 'flex';
  if ((m = /^text-(.+)$/.exec(base))) return SIZE.test(m[1]!) ? 'text-size' : 'text-color';
  if ((m = /^font-(.+)$/.exec(base))) return 'font-family';
  if ((m = /^rounded(?:-([a-z]+))?(?:-(.+))?$/.exec(base))) return m[1] && ROUND_SIDES.has(m[1]) ? `rounded-${m[1]}` : 'rounded';
  if ((m = /^border(?:-([xytrbl]))?(?:-(\d+|\[\d[^\]]*px\]))?$/.exec(base))) return m[1] ? `border-w-${m[1]}` : 'border-w';
  if (base.startsWith('border-')) return 'border-color';
  if ((m = /^\[([a-z-]+):.+\]$/.exec(base))) return `arbitrary-${m[1]}`;
  if ((m = /^-?(top|right|bottom|left|inset-x|inset-y|inset)-(\d+(\.\d+)?|auto|full|px|\d+\/\d+|\[.+\])$/.exec(base))) return m[1]!;
  if (/^content-(start|end|center|between|around|evenly|stretch|normal|baseline)$/.test(base)) return 'align-content';
  if ((m = /^divide-([xy])(-\d+)?$/.exec(base))) return `divide-${m[1]}`;
  if (base.startsWith('divide-')) return 'divide-color';
  if (/^ring-offset-(\d+|\[\d[^\]]*px\])$/.test(base)) return 'ring-offset-w';
  if (base.startsWith('ring-offset-')) return 'ring-offset-color';
  if ((m = /^ring-(\d+|\[\d[^\]]*px\])$/.exec(base))) return 'ring-w';
  if (base.startsWith('ring-')) return 'ring-color';
  if ((m = /^outline-(\d+)$/.exec(base))) return 'outline-w';
  if (base.startsWith('outline-')) return 'outline-color';
  if ((m = /^bg-(fixed|local|scroll)$/.exec(base))) return 'bg-attachment';
  if (base.startsWith('bg-')) return 'bg';
  for (const [re] of PREFIXES) if ((m = re.exec(base.replace(/^-/, '')))) return m[1]!;
  return null;
}

/** Splits `md:hover:!px-2` into its variants (`md:hover:`) and utility (`px-2`), brackets respected. */
function split(cls: string): [string, string] {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ':' && depth === 0) cut = i + 1;
  }
  const variants = cls.slice(0, cut);
  const base = cls.slice(cut);
  return base.startsWith('!') ? [`${variants}!`, base.slice(1)] : base.endsWith('!') ? [`${variants}!`, base.slice(0, -1)] : [variants, base];
}

export function mergeClasses(classes: string): string {
  const out: string[] = [];
  const taken = new Set<string>();
  const list = classes.split(/\s+/).filter(Boolean);
  for (let i = list.length - 1; i >= 0; i--) {
    const cls = list[i]!;
    const [variants, base] = split(cls);
    const g = group(base);
    if (g === null) {
      out.push(cls);
      continue;
    }
    const key = `${variants}|${g}`;
    if (taken.has(key)) continue;
    taken.add(key);
    for (const o of OVERRIDES[g] ?? []) taken.add(`${variants}|${o}`);
    out.push(cls);
  }
  return out.reverse().join(' ');
}

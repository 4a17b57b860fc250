/**
 * The bench's figure: build time (ours and the bare Astro baseline) and summed peak memory against dataset size,
 * as a small hand-written SVG (no charting dependency). Pure: points in, SVG text out.
 */

export interface PlotPoint {
  /** Short name under the point, e.g. 市级. */
  label: string;
  /** Websites + accounts. */
  entities: number;
  buildSeconds: number;
  bareSeconds: number;
  /** Summed peak memory of every build process, GiB. */
  memoryGiB: number;
}

const WIDTH = 760;
const LEFT = 84;
const RIGHT = 40;
const PANEL = 210;
const TOP = [78, 370] as const;
const HEIGHT = 650;
const FONT = `font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"`;
const COLOURS = { ours: '#1d4f91', bare: '#6b6b6b', memory: '#a3420c', limit: '#c00000' };

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const round = (n: number) => Math.round(n * 10) / 10;
const finite = (n: number) => Number.isFinite(n) && n > 0;

/** Powers of ten covering [min, max], at least one decade apart. */
export function decades(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

const logScale = (domain: number[], from: number, to: number) => {
  const lo = Math.log10(domain[0]!);
  const hi = Math.log10(domain.at(-1)!);
  return (v: number) => round(from + ((Math.log10(v) - lo) / (hi - lo)) * (to - from));
};

const number = (n: number) => n.toLocaleString('en');
const seconds = (s: number) => (s < 10 ? s.toFixed(1) : s.toFixed(0));

/** One line of points with its markers and value labels; points without a value are left out. */
function series(
  name: string,
  points: { x: number; y: number; text: string }[],
  colour: string,
  marker: 'circle' | 'square',
  dashed: boolean,
  labelBelow: boolean,
): string {
  if (points.length === 0) return '';
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
  const marks = points
    .map((p) =>
      marker === 'circle'
        ? `<circle class="${name}" cx="${p.x}" cy="${p.y}" r="5" fill="${colour}"/>`
        : `<rect class="${name}" x="${p.x - 4.5}" y="${p.y - 4.5}" width="9" height="9" fill="#fff" stroke="${colour}" stroke-width="2"/>`,
    )
    .join('');
  const labels = points
    .map(
      (p) =>
        `<text x="${p.x + 8}" y="${labelBelow ? p.y + 18 : p.y - 9}" font-size="13" fill="${colour}" stroke="#fff" stroke-width="4" paint-order="stroke">${escape(p.text)}</text>`,
    )
    .join('');
  return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2.5"${dashed ? ' stroke-dasharray="7 5"' : ''}/>${marks}${labels}`;
}

/** The SVG: two panels sharing a logarithmic x axis (entities), time above (logarithmic), memory below (linear). */
export function benchmarkSvg(points: readonly PlotPoint[], limitGiB = 7): string {
  const shown = points.filter((p) => finite(p.entities));
  const right = WIDTH - RIGHT;
  const xDomain = decades(
    Math.min(...shown.map((p) => p.entities), 10),
    Math.max(...shown.map((p) => p.entities), 100),
  );
  const x = logScale(xDomain, LEFT, right);
  const times = shown.flatMap((p) => [p.buildSeconds, p.bareSeconds]).filter(finite);
  const tDomain = decades(Math.min(...times, 1), Math.max(...times, 10));
  const yTime = logScale(tDomain, TOP[0] + PANEL, TOP[0]);
  const memories = shown.map((p) => p.memoryGiB).filter(finite);
  const mMax = Math.max(limitGiB + 1, Math.ceil(Math.max(...memories, 0)));
  const yMem = (v: number) => round(TOP[1] + PANEL - (v / mMax) * PANEL);
  const mStep = mMax > 12 ? 2 : 1;
  const mTicks = Array.from({ length: Math.floor(mMax / mStep) + 1 }, (_, i) => i * mStep);

  const grid = (y: number, text: string) =>
    `<line x1="${LEFT}" x2="${right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${LEFT - 8}" y="${y + 4}" font-size="12" text-anchor="end" fill="#333">${text}</text>`;
  const xAxis = (top: number) =>
    xDomain
      .map(
        (v) =>
          `<line x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${top + PANEL}" stroke="#eee"/><text class="x-tick" x="${x(v)}" y="${top + PANEL + 18}" font-size="12" text-anchor="middle" fill="#333">${number(v)}</text>`,
      )
      .join('') +
    `<line x1="${LEFT}" x2="${right}" y1="${top + PANEL}" y2="${top + PANEL}" stroke="#333"/>` +
    `<line x1="${LEFT}" x2="${LEFT}" y1="${top}" y2="${top + PANEL}" stroke="#333"/>`;
  const scaleNames = shown
    .map(
      (p) =>
        `<text x="${x(p.entities)}" y="${TOP[1] + PANEL + 36}" font-size="12" text-anchor="middle" fill="#555">${escape(p.label)}</text>`,
    )
    .join('');

  const ours = shown
    .filter((p) => finite(p.buildSeconds))
    .map((p) => ({ x: x(p.entities), y: yTime(p.buildSeconds), text: `${seconds(p.buildSeconds)} 秒` }));
  const bare = shown
    .filter((p) => finite(p.bareSeconds))
    .map((p) => ({ x: x(p.entities), y: yTime(p.bareSeconds), text: `${seconds(p.bareSeconds)} 秒` }));
  const memory = shown
    .filter((p) => finite(p.memoryGiB))
    .map((p) => ({ x: x(p.entities), y: yMem(p.memoryGiB), text: `${p.memoryGiB.toFixed(1)} GiB` }));

  const summary = shown
    .map(
      (p) =>
        `${p.label}（${number(p.entities)} 个网站和账号）：构建 ${finite(p.buildSeconds) ? `${seconds(p.buildSeconds)} 秒` : '未完成'}，` +
        `空白基线 ${finite(p.bareSeconds) ? `${seconds(p.bareSeconds)} 秒` : '—'}，` +
        `合计峰值内存 ${finite(p.memoryGiB) ? `${p.memoryGiB.toFixed(1)} GiB` : '—'}`,
    )
    .join('；');
  const legend = (lx: number, ly: number, colour: string, text: string, kind: 'circle' | 'square' | 'dash') =>
    (kind === 'circle'
      ? `<circle cx="${lx}" cy="${ly - 4}" r="5" fill="${colour}"/>`
      : kind === 'square'
        ? `<rect x="${lx - 4.5}" y="${ly - 8.5}" width="9" height="9" fill="#fff" stroke="${colour}" stroke-width="2"/>`
        : `<line x1="${lx - 10}" x2="${lx + 10}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>`) +
    `<text x="${lx + 14}" y="${ly}" font-size="13" fill="#222">${escape(text)}</text>`;

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="bench-title bench-desc" ${FONT}>
<title id="bench-title">构建耗时和内存随数据规模的变化</title>
<desc id="bench-desc">横轴为网站和账号总数（对数刻度）。上图为构建耗时（秒，对数刻度）：本站构建与空白 Astro 基线；下图为构建时全部进程合计峰值内存（GiB），虚线为 ${limitGiB} GiB 目标。${escape(summary)}。</desc>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>
<text x="${LEFT}" y="28" font-size="18" font-weight="bold" fill="#111">构建耗时和内存随数据规模的变化</text>
<text x="${LEFT}" y="${TOP[0] - 14}" font-size="14" font-weight="bold" fill="#111">构建耗时（秒，对数刻度）</text>
${legend(LEFT + 240, TOP[0] - 14, COLOURS.ours, '本站构建（含搜索索引）', 'circle')}
${legend(LEFT + 450, TOP[0] - 14, COLOURS.bare, '空白 Astro 基线', 'square')}
${tDomain.map((v) => grid(yTime(v), number(v))).join('')}
${xAxis(TOP[0])}
${series('bare', bare, COLOURS.bare, 'square', true, true)}
${series('ours', ours, COLOURS.ours, 'circle', false, false)}
<text x="${LEFT}" y="${TOP[1] - 14}" font-size="14" font-weight="bold" fill="#111">全部进程合计峰值内存（GiB）</text>
${legend(LEFT + 270, TOP[1] - 14, COLOURS.limit, `${limitGiB} GiB 目标`, 'dash')}
${mTicks.map((v) => grid(yMem(v), String(v))).join('')}
${xAxis(TOP[1])}
<line class="limit" x1="${LEFT}" x2="${right}" y1="${yMem(limitGiB)}" y2="${yMem(limitGiB)}" stroke="${COLOURS.limit}" stroke-width="2" stroke-dasharray="6 4"/>
${series('memory', memory, COLOURS.memory, 'circle', false, false)}
${scaleNames}
<text x="${(LEFT + right) / 2}" y="${HEIGHT - 14}" font-size="13" text-anchor="middle" fill="#222">网站和账号总数（对数刻度）</text>
</svg>
`;
}

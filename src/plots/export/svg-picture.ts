/**
 * A chart's picture as one standalone SVG: its title on top, its drawing, its legend below, on the page's
 * background, in the colours the reader sees. SVG charts give their own live drawing (svg-clone.ts); the canvas
 * charts and the HTML ones are drawn here from their numbers, at full resolution, with the same run-merging
 * code their server-rendered stand-ins use (fallback.ts). Browser only.
 */
import { boundaryRuns, heatmapRuns, pointsByClass, runPaths } from "../fallback.ts";
import { boundarySegments } from "../contour.ts";
import { classToken } from "../boundary.ts";
import { formatDecade, formatNumber } from "../format.ts";
import { linearScale } from "../scales.ts";
import type { ChartData } from "./chart-data.ts";
import { round, styledClone, svgEl, SVG_NS } from "./svg-clone.ts";

/** Space above the drawing for the title, and between parts. */
const TITLE_HEIGHT = 24;
const GAP = 8;
const FONT = "12px";

/** A chart's picture: the SVG, sized in CSS pixels, and where in it the chart's drawing sits. */
export interface Picture {
  svg: SVGSVGElement;
  body: { el: SVGSVGElement; x: number; y: number; width: number; height: number };
}

/** The picture of the chart whose root element is `root`. */
export function chartPicture(data: ChartData, root: HTMLElement): Picture {
  const style = getComputedStyle(root);
  const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const ink = { text: color("--color-text", "#222"), muted: color("--color-text-muted", "#666") };
  const family = style.fontFamily || "sans-serif";
  const body = drawing(data, root, ink, family);
  const legendItems = [...root.querySelectorAll<HTMLElement>(":scope > .legend > li, :scope > * > .legend > li")];
  const width = Math.max(160, Number(body.getAttribute("width")));
  const legend = legendRow(legendItems, width, ink.text, family);
  const height = TITLE_HEIGHT + Number(body.getAttribute("height")) + (legend ? GAP + legend.height : 0);
  const svg = svgEl("svg", {
    xmlns: SVG_NS,
    width: round(width),
    height: round(height),
    viewBox: `0 0 ${round(width)} ${round(height)}`,
    "font-family": family,
    "font-size": FONT,
  }) as SVGSVGElement;
  svg.append(svgEl("rect", { width: "100%", height: "100%", fill: color("--color-bg", "#fff") }));
  svg.append(svgEl("text", { x: 0, y: 16, fill: ink.text, "font-weight": 600, "font-size": "13px" }, data.title));
  body.setAttribute("y", String(TITLE_HEIGHT));
  svg.append(body);
  if (legend) {
    legend.group.setAttribute("transform", `translate(0 ${TITLE_HEIGHT + Number(body.getAttribute("height")) + GAP})`);
    svg.append(legend.group);
  }
  const size = { width: Number(body.getAttribute("width")), height: Number(body.getAttribute("height")) };
  return { svg, body: { el: body, x: 0, y: TITLE_HEIGHT, ...size } };
}

type Ink = { text: string; muted: string };

/** The chart's drawing alone, as a nested <svg> with width and height. */
function drawing(data: ChartData, root: HTMLElement, ink: Ink, family: string): SVGSVGElement {
  switch (data.kind) {
    case "boundary":
      return boundaryDrawing(data, root);
    case "heatmap":
      return heatmapDrawing(data, root, ink);
    case "units":
      return unitsDrawing(root, ink, family);
    case "probabilities":
      return probabilityDrawing(root, ink, family);
    default: {
      const live = root.querySelector<SVGSVGElement>(":scope > svg");
      if (!live) throw new Error("the chart has no picture to export");
      return styledClone(live);
    }
  }
}

/** The decision regions, the 0.5 boundary line and the points, at the grid's full resolution. */
function boundaryDrawing(d: Extract<ChartData, { kind: "boundary" }>, root: HTMLElement): SVGSVGElement {
  const canvas = root.querySelector("canvas");
  const side = round(canvas?.getBoundingClientRect().width || 340);
  const k = Math.max(2, Math.floor(d.classes));
  const n = Math.floor(d.gridSize);
  const style = getComputedStyle(canvas ?? root);
  const token = (i: number) => style.getPropertyValue(classToken(i, k)).trim() || "#888";
  // The light theme's runs carry opacities up to 0.55; a dark theme shades less (see DecisionBoundary).
  const maxAlpha = Number(style.getPropertyValue("--boundary-max-alpha")) || 0.55;
  const svg = svgEl("svg", { width: side, height: side, viewBox: `0 0 ${side} ${side}` }) as SVGSVGElement;
  const regions = boundaryRuns(d.grid, n, k, n);
  const cells = svgEl("svg", {
    width: side,
    height: side,
    viewBox: `0 0 ${regions.columns} ${regions.rows}`,
    preserveAspectRatio: "none",
  });
  for (const path of runPaths(regions, (f) => `${f.label}/${f.alpha}`))
    cells.append(
      svgEl("path", {
        d: path.d,
        fill: token(path.fill.label),
        "fill-opacity": round(((path.fill.alpha * maxAlpha) / 0.55) * 100) / 100,
      }),
    );
  svg.append(cells);
  const cell = side / Math.max(1, n);
  const edge = boundarySegments(d.grid, n, k)
    .map(
      ([c0, r0, c1, r1]) =>
        `M${round((c0 + 0.5) * cell)} ${round((r0 + 0.5) * cell)}L${round((c1 + 0.5) * cell)} ${round((r1 + 0.5) * cell)}`,
    )
    .join("");
  const text = style.getPropertyValue("--color-text").trim() || "#222";
  if (edge)
    svg.append(svgEl("path", { d: edge, fill: "none", stroke: text, "stroke-width": 2, "stroke-linecap": "round" }));
  const sx = linearScale(d.xRange[0], d.xRange[1], 0, side);
  const sy = linearScale(d.yRange[0], d.yRange[1], side, 0);
  const outline = style.getPropertyValue("--color-point-outline").trim() || "#000";
  for (const [set, hollow] of [
    [d.testPoints, true],
    [d.points, false],
  ] as const) {
    for (const group of pointsByClass(set, k, sx, sy)) {
      const g = svgEl(
        "g",
        hollow
          ? { fill: "none", stroke: token(group.label), "stroke-width": 2.5 }
          : { fill: token(group.label), stroke: outline, "stroke-width": 1 },
      );
      for (const [x, y] of group.at) g.append(svgEl("circle", { cx: x, cy: y, r: hollow ? 4.5 : 4 }));
      svg.append(g);
    }
  }
  svg.append(
    svgEl("rect", {
      width: side,
      height: side,
      fill: "none",
      stroke: style.getPropertyValue("--color-border").trim() || "#ccc",
    }),
  );
  return svg;
}

/** Row labels, the cells at full resolution, the step ticks under them and the colour scale's ends. */
function heatmapDrawing(d: Extract<ChartData, { kind: "heatmap" }>, root: HTMLElement, ink: Ink): SVGSVGElement {
  const plot = root.querySelector<HTMLElement>(".plot");
  const labels = [...root.querySelectorAll<HTMLElement>(".rows span")];
  const rowHeight = labels[0]?.getBoundingClientRect().height || 18;
  const gutter = Math.max(0, ...labels.map((l) => l.getBoundingClientRect().width)) + 6;
  const width = round(gutter + (plot?.getBoundingClientRect().width ?? 300));
  const plotWidth = width - gutter;
  const rows = d.rows.length;
  const height = rows * rowHeight + 50;
  const svg = svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}` }) as SVGSVGElement;
  d.rows.forEach((r, i) =>
    svg.append(
      svgEl("text", { x: gutter - 6, y: i * rowHeight + rowHeight / 2 + 4, "text-anchor": "end", fill: ink.muted }, r),
    ),
  );
  const cols = Math.max(0, Math.floor(d.columns));
  const runs = heatmapRuns(d.values, rows, cols, d.domain, d.log, Math.max(1, cols));
  const cells = svgEl("svg", {
    x: gutter,
    width: plotWidth,
    height: rows * rowHeight,
    viewBox: `0 0 ${Math.max(1, runs.columns)} ${Math.max(1, rows)}`,
    preserveAspectRatio: "none",
  });
  const grey = getComputedStyle(root).getPropertyValue("--color-surface-2").trim() || "#eee";
  cells.append(svgEl("rect", { width: Math.max(1, runs.columns), height: Math.max(1, rows), fill: grey }));
  for (const path of runPaths(runs, (f) => f!.join(" ")))
    cells.append(svgEl("path", { d: path.d, fill: `rgb(${path.fill!.join(" ")})` }));
  svg.append(cells);
  for (const tick of root.querySelectorAll<HTMLElement>(".x-axis span")) {
    const at = parseFloat(tick.style.left) / 100;
    const anchor = tick.classList.contains("start") ? "start" : tick.classList.contains("end") ? "end" : "middle";
    svg.append(
      svgEl(
        "text",
        { x: round(gutter + at * plotWidth), y: rows * rowHeight + 14, "text-anchor": anchor, fill: ink.muted },
        tick.textContent ?? "",
      ),
    );
  }
  const mid = round(gutter + plotWidth / 2);
  svg.append(svgEl("text", { x: mid, y: rows * rowHeight + 30, "text-anchor": "middle", fill: ink.muted }, d.xLabel));
  const fmt = (v: number) => (d.log ? formatDecade(v) : formatNumber(v));
  const scale = `colour from ${fmt(d.domain[0])} (dark purple) to ${fmt(d.domain[1])} (yellow)${d.log ? ", log scale" : ""}; grey: no data`;
  svg.append(svgEl("text", { x: mid, y: rows * rowHeight + 46, "text-anchor": "middle", fill: ink.muted }, scale));
  return svg;
}

/** Each layer's heading and its cells, one under the other. */
function unitsDrawing(root: HTMLElement, ink: Ink, family: string): SVGSVGElement {
  const layers = [...root.querySelectorAll<HTMLElement>(".layer")];
  const svg = svgEl("svg", {}) as SVGSVGElement;
  const defs = root.querySelector<SVGSVGElement>("svg.defs defs");
  if (defs) svg.append(styledClone(defs.ownerSVGElement!).querySelector("defs")!);
  let y = 0;
  let width = 160;
  for (const layer of layers) {
    const head = layer.querySelector(".head")?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    svg.append(svgEl("text", { x: 0, y: y + 13, fill: ink.text, "font-family": family, "font-weight": 600 }, head));
    y += 20;
    const cells = layer.querySelector<SVGSVGElement>(":scope > svg");
    if (cells) {
      const copy = styledClone(cells);
      copy.setAttribute("y", String(y));
      svg.append(copy);
      y += Number(copy.getAttribute("height")) + 8;
      width = Math.max(width, Number(copy.getAttribute("width")), head.length * 7);
    }
  }
  svg.setAttribute("width", String(round(width)));
  svg.setAttribute("height", String(round(Math.max(y, 20))));
  svg.setAttribute("viewBox", `0 0 ${round(width)} ${round(Math.max(y, 20))}`);
  return svg;
}

/** One row per class: its name, a track with the probability's bar, and the number, as the chart shows them. */
function probabilityDrawing(root: HTMLElement, ink: Ink, family: string): SVGSVGElement {
  const names = [...root.querySelectorAll<HTMLElement>(".bars .name")];
  const fills = [...root.querySelectorAll<HTMLElement>(".bars .fill")];
  const values = [...root.querySelectorAll<HTMLElement>(".bars .value")];
  const width = round(root.getBoundingClientRect().width || 320);
  const row = 24;
  const svg = svgEl("svg", {
    width,
    height: names.length * row,
    viewBox: `0 0 ${width} ${names.length * row}`,
  }) as SVGSVGElement;
  const track = { x: 110, w: Math.max(40, width - 170) };
  names.forEach((name, i) => {
    const y = i * row;
    svg.append(
      svgEl("text", { x: 0, y: y + 16, fill: ink.text, "font-family": family }, name.textContent?.trim() ?? ""),
    );
    svg.append(svgEl("rect", { x: track.x, y: y + 5, width: track.w, height: 14, fill: "none", stroke: ink.muted }));
    const share = parseFloat(fills[i]?.style.width ?? "0") / 100 || 0;
    const color = fills[i] ? getComputedStyle(fills[i]!).backgroundColor : ink.text;
    svg.append(svgEl("rect", { x: track.x, y: y + 5, width: round(track.w * share), height: 14, fill: color }));
    svg.append(
      svgEl(
        "text",
        { x: track.x + track.w + 8, y: y + 16, fill: ink.text, "font-family": family },
        values[i]?.textContent?.trim() ?? "",
      ),
    );
  });
  return svg;
}

/** The chart's legend entries (mark and label) laid out in rows across `width`; null without a legend. */
function legendRow(
  items: HTMLElement[],
  width: number,
  text: string,
  family: string,
): { group: SVGGElement; height: number } | null {
  if (items.length === 0) return null;
  const measure = document.createElement("canvas").getContext("2d");
  if (measure) measure.font = `${FONT} ${family}`;
  const group = svgEl("g") as SVGGElement;
  let x = 0;
  let y = 0;
  for (const item of items) {
    const label = item.textContent?.replace(/\s+/g, " ").trim() ?? "";
    const w = 26 + (measure?.measureText(label).width ?? label.length * 6.5) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 18;
    }
    const mark = item.querySelector<SVGSVGElement>("svg");
    if (mark) {
      const copy = styledClone(mark);
      copy.setAttribute("x", String(round(x)));
      copy.setAttribute("y", String(y + 1));
      group.append(copy);
    }
    group.append(svgEl("text", { x: round(x + 24), y: y + 11, fill: text }, label));
    x += w;
  }
  return { group, height: y + 16 };
}

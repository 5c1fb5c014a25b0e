/**
 * A small network drawn as units (circles) joined by wires, with numbers written beside the units and on the
 * wires: a worked forward and backward pass a reader can follow with a calculator. Positions are given in
 * viewBox units by the caller (a diagram's layout is its content); the caller also gives the table, one row
 * per wire or unit, since a diagram's numbers are not one series.
 */
import type { LegendEntry } from "./legend.ts";
import { drawLegend } from "./legend.ts";
import { el, join, text, type Svg } from "./svg.ts";
import { FONT_SIZE, LINE_HEIGHT, VIEW_WIDTH, colorClass, textWidth, type DataColor } from "./style.ts";
import type { Chart, FigureTable } from "./types.ts";

/** A label beside a unit or on a wire; `color` draws it in a data colour (a forward or a backward number). */
export interface DiagramLabel {
  text: string;
  color?: DataColor;
}

/** A unit: a circle at (x, y), with up to two lines above it, two below it, and a short text inside. */
export interface DiagramUnit {
  id: string;
  x: number;
  y: number;
  above?: DiagramLabel[];
  below?: DiagramLabel[];
  inside?: string;
  /** Outline colour (default: the text colour). */
  color?: DataColor;
}

/** A wire from one unit to another; its label sits at `at` (0 = start, 1 = end; default 0.5), just above the line. */
export interface DiagramWire {
  from: string;
  to: string;
  label?: DiagramLabel;
  at?: number;
}

/** Everything a diagram shows. */
export interface NetworkDiagramSpec {
  units: DiagramUnit[];
  wires: DiagramWire[];
  /** viewBox height; the width is VIEW_WIDTH. */
  height: number;
  /** What the colours of the labels stand for, drawn in a row at the top. */
  legend?: { label: string; color: DataColor }[];
  table: FigureTable;
}

/** Radius of a unit's circle. */
export const UNIT_RADIUS = 15;

/** The classes of a label's text: a data colour (through fill) or the text colour, always with a halo over wires. */
function labelClass(label: DiagramLabel): string {
  return label.color ? `fig-bar ${colorClass(0, label.color)} fig-halo` : "fig-label fig-halo";
}

/** Draws the diagram; throws if a wire names a unit that does not exist, or a label would leave the viewBox. */
export function networkDiagram(spec: NetworkDiagramSpec): Chart {
  const byId = new Map(spec.units.map((u) => [u.id, u]));
  const parts: Svg[] = [];
  let top = 0;
  if (spec.legend && spec.legend.length > 0) {
    const entries: LegendEntry[] = spec.legend.map((l) => ({
      label: l.label,
      swatch: "box",
      className: `fig-bar ${colorClass(0, l.color)}`,
    }));
    const legend = drawLegend(entries, 0, 0, VIEW_WIDTH);
    parts.push(legend.svg);
    top = legend.height;
  }
  const wires: Svg[] = [];
  const labels: Svg[] = [];
  for (const w of spec.wires) {
    const a = byId.get(w.from);
    const b = byId.get(w.to);
    if (!a || !b) throw new Error(`networkDiagram: a wire joins unknown units ${w.from} → ${w.to}.`);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy);
    const [ux, uy] = [dx / length, dy / length];
    wires.push(
      el("line", {
        class: "fig-axis",
        x1: a.x + ux * UNIT_RADIUS,
        y1: top + a.y + uy * UNIT_RADIUS,
        x2: b.x - ux * UNIT_RADIUS,
        y2: top + b.y - uy * UNIT_RADIUS,
      }),
    );
    if (w.label) {
      const t = w.at ?? 0.5;
      const x = a.x + dx * t;
      const y = top + a.y + dy * t - 5;
      checkInside(w.label.text, x);
      labels.push(el("text", { class: labelClass(w.label), x, y, "text-anchor": "middle" }, text(w.label.text)));
    }
  }
  for (const u of spec.units) {
    const cy = top + u.y;
    parts.push(
      el("circle", {
        class: `fig-bar fig-bar-outline ${u.color ? colorClass(0, u.color) : "c1"}`,
        cx: u.x,
        cy,
        r: UNIT_RADIUS,
      }),
    );
    if (u.inside) {
      labels.push(
        el("text", { class: "fig-label", x: u.x, y: cy + FONT_SIZE * 0.35, "text-anchor": "middle" }, text(u.inside)),
      );
    }
    const above = u.above ?? [];
    above.forEach((label, i) => {
      const y = cy - UNIT_RADIUS - 6 - (above.length - 1 - i) * LINE_HEIGHT;
      checkInside(label.text, u.x);
      labels.push(el("text", { class: labelClass(label), x: u.x, y, "text-anchor": "middle" }, text(label.text)));
    });
    (u.below ?? []).forEach((label, i) => {
      const y = cy + UNIT_RADIUS + FONT_SIZE + 2 + i * LINE_HEIGHT;
      checkInside(label.text, u.x);
      labels.push(el("text", { class: labelClass(label), x: u.x, y, "text-anchor": "middle" }, text(label.text)));
    });
  }
  return {
    width: VIEW_WIDTH,
    height: top + spec.height,
    // Wires first, then units over them, then every label on top with its halo.
    body: join([...wires, ...parts, ...labels]),
    table: spec.table,
  };
}

/** Throws when a label centred at x would run past the viewBox's sides (the layout, not the reader, must give). */
function checkInside(label: string, x: number): void {
  const half = textWidth(label) / 2;
  if (x - half < 0 || x + half > VIEW_WIDTH) {
    throw new Error(`networkDiagram: the label "${label}" at x = ${x} does not fit in the ${VIEW_WIDTH}-unit width.`);
  }
}

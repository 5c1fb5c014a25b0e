/** Browser-only helpers for the canvas plots: crisp sizing, colour tokens read at paint time, theme changes. */
import { parseColor, type Rgba } from "./colormap.ts";

/**
 * Sizes a canvas to width × height CSS pixels with a devicePixelRatio backing store, clears it, and
 * returns a context whose units are CSS pixels (null when 2D canvas is unavailable).
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * A colour token (e.g. "--color-class-0") as computed on `el` now, so it follows the theme. The canvas's
 * own parser normalises any CSS colour syntax first; `fallback` when the token is unset or unreadable.
 */
export function tokenColor(el: Element, ctx: CanvasRenderingContext2D, name: string, fallback: Rgba): Rgba {
  const raw = getComputedStyle(el).getPropertyValue(name).trim();
  if (raw === "") return fallback;
  ctx.fillStyle = "#000";
  ctx.fillStyle = raw;
  return parseColor(String(ctx.fillStyle)) ?? fallback;
}

/** Calls back when the theme changes: the toggle's "themechange" event or the system colour scheme. Returns an unsubscribe. */
export function onThemeChange(callback: () => void): () => void {
  const root = document.documentElement;
  const media = matchMedia("(prefers-color-scheme: dark)");
  root.addEventListener("themechange", callback);
  media.addEventListener("change", callback);
  return () => {
    root.removeEventListener("themechange", callback);
    media.removeEventListener("change", callback);
  };
}

/** A diagonal hatch (fg lines on bg) that marks "no data" without relying on colour. */
export function hatchPattern(ctx: CanvasRenderingContext2D, bg: string, fg: string): CanvasPattern | null {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 6;
  const t = tile.getContext("2d");
  if (!t) return null;
  t.fillStyle = bg;
  t.fillRect(0, 0, 6, 6);
  t.strokeStyle = fg;
  t.lineWidth = 1;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  t.moveTo(-1, 1);
  t.lineTo(1, -1);
  t.moveTo(5, 7);
  t.lineTo(7, 5);
  t.stroke();
  return ctx.createPattern(tile, "repeat");
}

/**
 * Draws an export SVG (svg-picture.ts: inlined styles, the few elements the charts use) onto a canvas at a
 * given scale, for the PNG. Why not let the browser draw the SVG as an image: the site's Content Security Policy
 * allows images from the site only (img-src 'self'), so an SVG can reach an <img> neither as a data: nor as a
 * blob: URL. The elements drawn: svg (nested, with a viewBox and preserveAspectRatio "none"), g (translate,
 * rotate, scale; clip-path to a clipPath's rect), rect, line, path, circle, text, and fills that are colours or
 * a <pattern>. Browser only.
 */

/** A canvas of the SVG's size × scale (at least 1 × 1 px) with the SVG drawn on it. */
export function rasterize(svg: SVGSVGElement, scale: number): HTMLCanvasElement {
  const width = num(svg, "width", 300);
  const height = num(svg, "height", 150);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser cannot draw on a canvas");
  ctx.scale(scale, scale);
  children(ctx, svg, svg);
  return canvas;
}

type Ctx = CanvasRenderingContext2D;

function children(ctx: Ctx, el: Element, root: SVGSVGElement): void {
  for (const child of el.children) paint(ctx, child, root);
}

function paint(ctx: Ctx, el: Element, root: SVGSVGElement): void {
  const tag = el.tagName;
  if (tag === "defs" || tag === "title" || tag === "clipPath" || tag === "pattern" || tag === "desc") return;
  ctx.save();
  const opacity = el.getAttribute("opacity");
  if (opacity !== null) ctx.globalAlpha *= Number(opacity);
  transform(ctx, el.getAttribute("transform"));
  clip(ctx, el.getAttribute("clip-path"), root);
  switch (tag) {
    case "svg":
      nested(ctx, el, root);
      break;
    case "g":
      children(ctx, el, root);
      break;
    case "rect": {
      const [x, y, w, h] = [num(el, "x", 0), num(el, "y", 0), size(el, "width", ctx), size(el, "height", ctx)];
      const r = num(el, "rx", 0);
      ctx.beginPath();
      if (r > 0) ctx.roundRect(x, y, w, h, r);
      else ctx.rect(x, y, w, h);
      fillAndStroke(ctx, el, root);
      break;
    }
    case "line":
      ctx.beginPath();
      ctx.moveTo(num(el, "x1", 0), num(el, "y1", 0));
      ctx.lineTo(num(el, "x2", 0), num(el, "y2", 0));
      stroke(ctx, el);
      break;
    case "circle":
      ctx.beginPath();
      ctx.arc(num(el, "cx", 0), num(el, "cy", 0), num(el, "r", 0), 0, 2 * Math.PI);
      fillAndStroke(ctx, el, root);
      break;
    case "path": {
      const path = new Path2D(el.getAttribute("d") ?? "");
      fillAndStroke(ctx, el, root, path);
      break;
    }
    case "text":
      text(ctx, el);
      break;
  }
  ctx.restore();
}

/** A nested <svg>: placed at x, y, its viewBox stretched onto width × height (preserveAspectRatio "none"). */
function nested(ctx: Ctx, el: Element, root: SVGSVGElement): void {
  const [x, y, w, h] = [num(el, "x", 0), num(el, "y", 0), num(el, "width", 0), num(el, "height", 0)];
  ctx.translate(x, y);
  const box = (el.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) {
    const [bx, by, bw, bh] = box as [number, number, number, number];
    if (w > 0 && h > 0) {
      if (el.getAttribute("preserveAspectRatio") === "none") ctx.scale(w / bw, h / bh);
      else {
        const k = Math.min(w / bw, h / bh);
        ctx.translate((w - bw * k) / 2, (h - bh * k) / 2);
        ctx.scale(k, k);
      }
    }
    ctx.translate(-bx, -by);
  }
  children(ctx, el, root);
}

/** Applies "translate(a b) rotate(c) scale(d)" (the transforms the charts write), in order. */
function transform(ctx: Ctx, t: string | null): void {
  if (!t) return;
  for (const [, name, args] of t.matchAll(/(translate|rotate|scale)\(([^)]*)\)/g)) {
    const a = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (name === "translate") ctx.translate(a[0] ?? 0, a[1] ?? 0);
    else if (name === "scale") ctx.scale(a[0] ?? 1, a[1] ?? a[0] ?? 1);
    else {
      const [deg = 0, cx = 0, cy = 0] = a;
      ctx.translate(cx, cy);
      ctx.rotate((deg * Math.PI) / 180);
      ctx.translate(-cx, -cy);
    }
  }
}

/** clip-path="url(#id)" to a clipPath holding a rect (LinePlot's plot area). */
function clip(ctx: Ctx, ref: string | null, root: SVGSVGElement): void {
  const target = byRef(ref, root);
  const rect = target?.tagName === "clipPath" ? target.querySelector("rect") : null;
  if (!rect) return;
  ctx.beginPath();
  ctx.rect(num(rect, "x", 0), num(rect, "y", 0), num(rect, "width", 0), num(rect, "height", 0));
  ctx.clip();
}

function fillAndStroke(ctx: Ctx, el: Element, root: SVGSVGElement, path?: Path2D): void {
  const fill = el.getAttribute("fill") ?? "rgb(0, 0, 0)";
  if (fill !== "none") {
    const style = fill.startsWith("url(") ? pattern(ctx, fill, root) : fill;
    if (style) {
      ctx.save();
      ctx.globalAlpha *= Number(el.getAttribute("fill-opacity") ?? 1);
      ctx.fillStyle = style;
      if (path) ctx.fill(path);
      else ctx.fill();
      ctx.restore();
    }
  }
  stroke(ctx, el, path);
}

function stroke(ctx: Ctx, el: Element, path?: Path2D): void {
  const color = el.getAttribute("stroke");
  if (!color || color === "none") return;
  const width = parseFloat(el.getAttribute("stroke-width") ?? "1");
  if (!(width > 0)) return;
  ctx.save();
  ctx.globalAlpha *= Number(el.getAttribute("stroke-opacity") ?? 1);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = (el.getAttribute("stroke-linecap") as CanvasLineCap | null) ?? "butt";
  ctx.lineJoin = (el.getAttribute("stroke-linejoin") as CanvasLineJoin | null) ?? "miter";
  const dash = el.getAttribute("stroke-dasharray");
  ctx.setLineDash(
    dash
      ? dash
          .split(/[\s,]+/)
          .map((d) => parseFloat(d))
          .filter(Number.isFinite)
      : [],
  );
  if (path) ctx.stroke(path);
  else ctx.stroke();
  ctx.restore();
}

function text(ctx: Ctx, el: Element): void {
  const fill = el.getAttribute("fill");
  if (fill === "none") return;
  ctx.font = `${el.getAttribute("font-weight") ?? "400"} ${fontSize(el)} ${fontFamily(el)}`;
  const anchor = el.getAttribute("text-anchor");
  ctx.textAlign = anchor === "middle" ? "center" : anchor === "end" ? "right" : "left";
  ctx.textBaseline = "alphabetic";
  ctx.fillStyle = fill ?? "rgb(0, 0, 0)";
  ctx.fillText(el.textContent ?? "", num(el, "x", 0), num(el, "y", 0));
}

/** A <pattern> fill as a canvas pattern: one tile drawn, repeated, turned by its patternTransform. */
function pattern(ctx: Ctx, ref: string, root: SVGSVGElement): CanvasPattern | null {
  const p = byRef(ref, root);
  if (!p || p.tagName !== "pattern") return null;
  const w = num(p, "width", 4);
  const h = num(p, "height", 4);
  const tile = document.createElement("canvas");
  const k = 4;
  tile.width = Math.max(1, Math.round(w * k));
  tile.height = Math.max(1, Math.round(h * k));
  const t = tile.getContext("2d");
  if (!t) return null;
  t.scale(k, k);
  children(t, p, root);
  const out = ctx.createPattern(tile, "repeat");
  const turn = /rotate\(([-\d.]+)\)/.exec(p.getAttribute("patternTransform") ?? "");
  out?.setTransform(new DOMMatrix().rotate(turn ? Number(turn[1]) : 0).scale(1 / k));
  return out;
}

function byRef(ref: string | null, root: SVGSVGElement): Element | null {
  const id = /url\(\s*["']?#([^"')]+)["']?\s*\)/.exec(ref ?? "")?.[1];
  return id ? root.querySelector(`[id="${CSS.escape(id)}"]`) : null;
}

/** The font size of a text or its nearest ancestor that says one (12px by default). */
function fontSize(el: Element): string {
  const v = el.closest("[font-size]")?.getAttribute("font-size") ?? "12px";
  return /^\d+(\.\d+)?$/.test(v) ? `${v}px` : v;
}

function fontFamily(el: Element): string {
  return el.closest("[font-family]")?.getAttribute("font-family") ?? "sans-serif";
}

/** A numeric attribute (a length in px), or `fallback`. */
function num(el: Element, name: string, fallback: number): number {
  const v = parseFloat(el.getAttribute(name) ?? "");
  return Number.isFinite(v) ? v : fallback;
}

/** A width or height that may be "100%" (of the canvas, for the background). */
function size(el: Element, name: "width" | "height", ctx: Ctx): number {
  const v = el.getAttribute(name) ?? "0";
  if (v.endsWith("%")) return (parseFloat(v) / 100) * (name === "width" ? ctx.canvas.width : ctx.canvas.height);
  return parseFloat(v) || 0;
}

/**
 * A chart's export (what the Export menu runs, loaded when first used): its data as CSV, its picture as SVG or
 * PNG, saved as a download named after the lab, the chart and the step. Returns what it did, in words for the
 * menu's status line. Browser only.
 */
import { chartTable, type ChartData } from "./chart-data.ts";
import { toCsv } from "./csv.ts";
import { download } from "./download.ts";
import { exportName } from "./file-name.ts";
import { rasterize } from "./raster.ts";
import { chartPicture } from "./svg-picture.ts";

/** What a chart can be exported as. */
export type ExportFormat = "csv" | "png" | "svg";

/** Exports the chart whose root element is `root` (the menu's parent) as `format`; resolves to a status line. */
export async function exportChart(format: ExportFormat, data: ChartData, root: HTMLElement): Promise<string> {
  const lab = root.closest<HTMLElement>("[data-lab]");
  const name = exportName(data.title, format, lab?.dataset.lab ?? null, lab?.dataset.step ?? null);
  if (format === "csv") {
    const { columns, rows } = chartTable(data);
    download(name, new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" }));
  } else if (format === "svg") {
    const { svg } = chartPicture(data, root);
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
    download(name, new Blob([text], { type: "image/svg+xml;charset=utf-8" }));
  } else {
    download(name, await png(data, root));
  }
  return `Saved ${name}.`;
}

/**
 * The picture as PNG at the screen's resolution (devicePixelRatio pixels per CSS pixel): the export SVG drawn on
 * a canvas, and for a decision boundary its own canvas copied in over the drawing, pixel for pixel, as the reader
 * sees it (smoothly shaded regions).
 */
async function png(data: ChartData, root: HTMLElement): Promise<Blob> {
  const scale = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const picture = chartPicture(data, root);
  const live = data.kind === "boundary" ? root.querySelector("canvas") : null;
  // The canvas stands in for the drawing (drawn under it too, its translucent regions would shade twice).
  if (live && live.width > 0) picture.body.el.replaceChildren();
  const canvas = rasterize(picture.svg, scale);
  if (live && live.width > 0) {
    const { x, y, width, height } = picture.body;
    canvas.getContext("2d")?.drawImage(live, x * scale, y * scale, width * scale, height * scale);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the browser could not make the picture");
  return blob;
}

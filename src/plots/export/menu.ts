/**
 * The Export menu of a chart (ExportMenu.svelte's button loads this the first time it is pressed): a menu of
 * the formats under the button, worked with the mouse or the keyboard (arrows, Home, End, Escape, Tab), and a
 * status line that says what was saved. A button with one format saves at once. Browser only.
 */
import type { ChartData } from "./chart-data.ts";
import { exportChart, type ExportFormat } from "./export-chart.ts";

/** What each format is called in the menu. */
const NAMES: Record<ExportFormat, string> = { csv: "Data (CSV)", png: "Picture (PNG)", svg: "Picture (SVG)" };

/** Opens (or closes) the menu of `button`, or saves its one format. */
export function openExport(button: HTMLButtonElement, formats: readonly ExportFormat[], data: () => ChartData): void {
  const foot = button.parentElement!;
  const open = foot.querySelector<HTMLElement>(":scope > .export-menu");
  if (open) {
    close(button, open, false);
    return;
  }
  if (formats.length === 1) {
    void save(button, formats[0]!, data);
    return;
  }
  const menu = document.createElement("div");
  menu.className = "export-menu";
  menu.setAttribute("role", "menu");
  menu.setAttribute("aria-label", button.title || "Export");
  for (const format of formats) {
    const item = document.createElement("button");
    item.type = "button";
    item.setAttribute("role", "menuitem");
    item.tabIndex = -1;
    item.textContent = NAMES[format];
    item.addEventListener("click", () => {
      close(button, menu, true);
      void save(button, format, data);
    });
    menu.append(item);
  }
  const items = [...menu.querySelectorAll<HTMLButtonElement>("button")];
  menu.addEventListener("keydown", (e) => {
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(button, menu, true);
    } else if (e.key === "Tab") close(button, menu, false);
  });
  const outside = (e: Event) => {
    if (!menu.contains(e.target as Node) && e.target !== button) close(button, menu, false);
  };
  document.addEventListener("pointerdown", outside);
  menu.addEventListener("export-close", () => document.removeEventListener("pointerdown", outside), { once: true });
  button.after(menu);
  button.setAttribute("aria-expanded", "true");
  items[0]?.focus();
}

/** Closes the menu; `refocus`: give the focus back to its button (Escape, a choice). */
function close(button: HTMLButtonElement, menu: HTMLElement, refocus: boolean): void {
  menu.dispatchEvent(new Event("export-close"));
  menu.remove();
  button.setAttribute("aria-expanded", "false");
  if (refocus) button.focus();
}

/** Saves the chart as `format` and says so (or why not) in the foot's status line. */
async function save(button: HTMLButtonElement, format: ExportFormat, data: () => ChartData): Promise<void> {
  const foot = button.parentElement!;
  let status = foot.querySelector<HTMLElement>(":scope > .export-status");
  if (!status) {
    status = document.createElement("span");
    status.className = "export-status";
    status.setAttribute("role", "status");
    foot.append(status);
  }
  try {
    status.textContent = await exportChart(format, data(), foot.parentElement!);
  } catch (error) {
    status.textContent = `Could not export: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

/**
 * When the lab's heavy charts redraw. While training, the heatmap and the decision boundary each follow
 * every SLOW_EVERY-th snapshot (15 a second at 60 snapshots a second), half a period apart, so no frame draws
 * both; while paused or idle, both follow every snapshot.
 */

/** Snapshots between two redraws of one heavy chart while training. */
export const SLOW_EVERY = 4;

/** A chart redraws when its tick changes. `historyVersion` counts the snapshots with new history rows. */
export interface RedrawTicks {
  heatmap: number;
  boundary: number;
}

/** The heavy charts' ticks at this history version: floor((v + offset) / SLOW_EVERY) while running, −1 − v otherwise. */
export function redrawTicks(historyVersion: number, running: boolean): RedrawTicks {
  if (!running) return { heatmap: -1 - historyVersion, boundary: -1 - historyVersion };
  return {
    heatmap: Math.floor(historyVersion / SLOW_EVERY),
    boundary: Math.floor((historyVersion + SLOW_EVERY / 2) / SLOW_EVERY),
  };
}

/**
 * The build-time snapshots Embed.astro passes to the lab: the preset's mode trained WARMUP_STEPS steps in
 * Node, so print and no-JS readers see the phenomenon. They travel in the page as JSON, so the binary
 * ones are trimmed: the three runs share one dataset (same seeds), so only the leader carries it, and only
 * the shown pairing's boundary is drawn, so only it keeps its grid (rounded to 4 digits).
 */
import { runStatic, type StaticSnapshot } from "../shared/static-run.ts";
import type { InitialSnapshots } from "./output-loss.svelte.ts";
import {
  binarySpec,
  LEADER,
  multiclassSpec,
  PAIRING_IDS,
  WARMUP_STEPS,
  type PairingId,
  type Settings,
} from "./settings.ts";

/** Snapshots of the preset's mode after WARMUP_STEPS steps, trimmed for the page. */
export function initialSnapshots(settings: Settings): InitialSnapshots {
  if (settings.mode === "multiclass") return { multiclass: runStatic(multiclassSpec(settings), WARMUP_STEPS) };
  const binary: Partial<Record<PairingId, StaticSnapshot>> = {};
  for (const id of PAIRING_IDS) {
    const s = runStatic(binarySpec(id, settings), WARMUP_STEPS);
    binary[id] = {
      ...s,
      data: id === LEADER ? s.data : null,
      boundary: id === settings.show && s.boundary ? s.boundary.map((v) => Number(v.toPrecision(4))) : null,
    };
  }
  return { binary };
}

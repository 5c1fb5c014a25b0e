/**
 * What LabShell hands the controls below it through the Svelte context: the control policy (a teacher's link
 * can lock or hide controls; LabShell fills it when the lab mounts; TrainingControls and LockableControl read
 * it) and the lab's key figure for the run readout. Plain data, no DOM.
 */
import { getContext, setContext } from "svelte";
import type { ControlPolicy } from "../../src/settings/url-state.ts";

const KEY = Symbol("lab-control-policy");

/** Which of a lab's controls are locked (shown, disabled) or hidden. Empty until the lab mounts. */
export class LabControls {
  locked = $state.raw<string[]>([]);
  hidden = $state.raw<string[]>([]);

  /** Replaces the policy. */
  set(policy: ControlPolicy): void {
    this.locked = policy.locked;
    this.hidden = policy.hidden;
  }

  /** Whether the control named `name` (a schema key, "speed" or "seed") may not be changed. */
  isLocked(name: string): boolean {
    return this.locked.includes(name);
  }

  /** Whether the control named `name` is left out of the lab's view. */
  isHidden(name: string): boolean {
    return this.hidden.includes(name);
  }
}

/** Makes `controls` the policy of the components below (called by LabShell). */
export function provideControls(controls: LabControls): void {
  setContext(KEY, controls);
}

/** The policy of the enclosing lab, or an empty one outside a LabShell. */
export function useControls(): LabControls {
  return getContext<LabControls | undefined>(KEY) ?? new LabControls();
}

const KEY_FIGURE = Symbol("lab-key-figure");

/** The lab's key figure for its run readout (dead units, the gradient ratio, …), or null. */
export type KeyFigure = { label: string; text: string } | null;

/** Makes `read` the key figure of the lab's readout for the components below (called by LabShell). */
export function provideKeyFigure(read: () => KeyFigure): void {
  setContext(KEY_FIGURE, read);
}

/** The enclosing lab's key figure (read it in the template to stay reactive); none outside a LabShell. */
export function useKeyFigure(): () => KeyFigure {
  return getContext<(() => KeyFigure) | undefined>(KEY_FIGURE) ?? (() => null);
}

/**
 * The control policy a lab's controls read (a teacher's link can lock or hide them). LabShell
 * creates one per lab, fills it from the address and the page after mounting, and puts it in the
 * Svelte context; TrainingControls and LockableControl read it. Plain names, no DOM.
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

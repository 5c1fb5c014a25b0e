/**
 * What one hidden unit's cell says in a unit grid. states[i]: −1 active somewhere, ≥ 0 the step since which
 * its pre-activation z is ≤ 0 on every example. Such a unit is "dead" where the activation's slope there is 0
 * (ReLU, step: its gradient is exactly 0 for good) and only "inactive" elsewhere (Leaky ReLU, sigmoid, tanh…).
 */

/** What a unit with z ≤ 0 on every example is called under the current activation. */
export type OffWord = "dead" | "inactive";

/** A unit's state: "alive" (a negative state), off (a finite state ≥ 0), or "unknown" (non-finite). */
export function unitState(state: number, off: OffWord = "dead"): "alive" | OffWord | "unknown" {
  if (!Number.isFinite(state)) return "unknown";
  return state >= 0 ? off : "alive";
}

/** The tooltip of unit i (shown 1-based, like the layer labels): "unit 3: dead since step 120 (…why)". */
export function unitTitle(i: number, state: number, off: OffWord = "dead", why = ""): string {
  const kind = unitState(state, off);
  const name = `unit ${i + 1}`;
  if (kind === off) return `${name}: ${off} since step ${Math.round(state)}${why ? ` (${why})` : ""}`;
  return kind === "alive" ? `${name}: alive` : `${name}: no data`;
}

/** How many units have z ≤ 0 on every example (dead or inactive, as the activation makes them). */
export function offCount(states: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < states.length; i++) if (unitState(states[i] as number) === "dead") n++;
  return n;
}

/** What one hidden unit's cell says in the dying-ReLU grid. states[i]: −1 alive, ≥ 0 the step it died. */

/** A unit's state: "alive" (a negative state), "dead" (a finite state ≥ 0), or "unknown" (non-finite). */
export function unitState(state: number): "alive" | "dead" | "unknown" {
  if (!Number.isFinite(state)) return "unknown";
  return state >= 0 ? "dead" : "alive";
}

/** The tooltip of unit i (shown 1-based, like the layer labels): "unit 3: dead since step 120". */
export function unitTitle(i: number, state: number): string {
  const kind = unitState(state);
  const name = `unit ${i + 1}`;
  if (kind === "dead") return `${name}: dead since step ${Math.round(state)}`;
  return kind === "alive" ? `${name}: alive` : `${name}: no data`;
}

/** How many units are dead. */
export function deadCount(states: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < states.length; i++) if (unitState(states[i] as number) === "dead") n++;
  return n;
}

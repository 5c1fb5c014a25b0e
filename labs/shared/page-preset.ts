/**
 * The preset a page gives its lab in the browser (`data-lab-preset` on an enclosing element, JSON): read
 * leniently into a plain object of settings, or nothing. Each value is then checked by the lab's own
 * schema like any preset (lab-controller.svelte.ts), so nothing here needs to know the lab.
 */

/** Longest attribute read, in characters: a preset is a few dozen short settings. */
const MAX_CHARS = 4000;

/** The attribute's preset, or undefined when there is none or it is not a JSON object of plain values. */
export function readPagePreset(attribute: string | null): Record<string, unknown> | undefined {
  if (attribute === null || attribute.length > MAX_CHARS) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(attribute);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    // Only the values a schema reads; "__proto__" would set the copy's prototype rather than add a key.
    if (key === "__proto__" || !["string", "number", "boolean"].includes(typeof value)) continue;
    out[key] = value;
  }
  return out;
}

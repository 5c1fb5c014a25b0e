/**
 * A report's checksum: SHA-256 over a canonical JSON text (object keys sorted at every depth, no
 * spaces), so the same data always gives the same digest, whatever order a file lists its keys in.
 * It shows a report is unchanged since export; it is not a signature (anyone can recompute it).
 */

/**
 * The deepest nesting a report or saved progress may have. A real report is 5 deep
 * (report → answers → answer → attempts → attempt); a file nested deeper was made by hand.
 */
export const MAX_JSON_DEPTH = 8;

/** The message of the error canonicalJson throws past MAX_JSON_DEPTH. */
export const TOO_DEEP = `nested too deep (more than ${MAX_JSON_DEPTH} levels)`;

/**
 * How deeply a parsed JSON value nests (a number is 0, `[]` is 1, `[[]]` is 2), counted without
 * recursion and giving up at `limit + 1`, so a 60,000-deep file costs no stack and little time.
 */
export function jsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    const here = depth + 1;
    if (here > limit) return here;
    deepest = Math.max(deepest, here);
    for (const child of Object.values(v)) stack.push([child, here]);
  }
  return deepest;
}

/**
 * JSON with sorted keys and no whitespace. Non-finite numbers become null, as in JSON.stringify.
 * Throws TOO_DEEP past MAX_JSON_DEPTH levels instead of running out of stack.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (depth >= MAX_JSON_DEPTH) throw new RangeError(TOO_DEEP);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(",")}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k], depth + 1)}`);
  return `{${entries.join(",")}}`;
}

/** SHA-256 of a text (UTF-8), as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

import { createHash } from "node:crypto";

/** A CSP hash source for a script, a style element or a style attribute value: "sha256-<base64>". */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

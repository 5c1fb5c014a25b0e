/**
 * A student's copy of a teacher-written assignment carried in a link: its JSON compressed with the
 * browser's own deflate (CompressionStream "deflate-raw") and written in base64url after `#a=`, so
 * the server never sees it (a fragment is not sent) and no library is needed. Reading is bounded:
 * a link past MAX_LINK_CHARS is refused, and inflating stops at MAX_COPY_CHARS, so a small link that
 * inflates to gigabytes costs nothing. Nothing here throws.
 *
 *   copy ─JSON─► UTF-8 ─deflate-raw─► base64url ─► "#a=…"     and back, each step with its message
 */
import { MAX_COPY_CHARS } from "./custom-format.ts";

/** The fragment parameter that holds the compressed copy: `#a=…`. */
export const LINK_PARAM = "a";
/** The fragment parameter a reopened assignment goes by: `#id=custom-…` (kept on this device). */
export const ID_PARAM = "id";
/** The longest fragment (`a=` and the compressed copy) a link may carry; a longer assignment goes as a file. */
export const MAX_LINK_CHARS = 8000;

/** Why a link could not be read, in a sentence for the student. */
export const LINK_FAULTS = {
  tooLong: `This link is longer than ${MAX_LINK_CHARS.toLocaleString("en")} characters, more than an assignment link holds. Ask your teacher for the assignment's file.`,
  garbled:
    "This link is damaged: it holds characters an assignment link never has. Copy the whole link again, or ask your teacher for the assignment's file.",
  cut: "This link is incomplete or damaged: it may have been cut off when it was copied. Copy the whole link again, or ask your teacher for the assignment's file.",
  tooLarge: "This link unpacks to more than an assignment can hold, so it was not opened.",
  notJson:
    "This link does not hold an assignment. Copy the whole link again, or ask your teacher for the assignment's file.",
} as const;

/** What reading a link gives: the parsed JSON (not yet checked as an assignment), or why not. */
export type ReadLink = { ok: true; json: unknown } | { ok: false; fault: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode with one argument per byte overflows the stack on long inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipeBytes(bytes: Uint8Array, through: CompressionStream | DecompressionStream, max: number) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(through).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment (without "#") that carries a copy: `a=` and the compressed JSON. */
export async function linkFragment(copy: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(copy));
  const packed = await pipeBytes(json, new CompressionStream("deflate-raw"), Infinity);
  return `${LINK_PARAM}=${toBase64Url(packed!)}`;
}

/** The parameters of a fragment ("#a=…" or "a=…"), never throwing. */
export function fragmentParams(hash: string): URLSearchParams {
  // The payload is base64url: no "+" that URLSearchParams would read as a space.
  return new URLSearchParams(hash.replace(/^#/, ""));
}

/** Reads a link's fragment: the JSON it carries, or a sentence saying what is wrong with it. */
export async function readLinkFragment(hash: string): Promise<ReadLink> {
  const fragment = hash.replace(/^#/, "");
  if (fragment.length > MAX_LINK_CHARS) return { ok: false, fault: LINK_FAULTS.tooLong };
  const payload = fragmentParams(fragment).get(LINK_PARAM);
  // Base64 never leaves one character over a group of four: such a link lost its end.
  if (payload === null || payload === "" || payload.length % 4 === 1) return { ok: false, fault: LINK_FAULTS.cut };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, fault: LINK_FAULTS.garbled };
  let json: Uint8Array | null;
  try {
    // UTF-8 takes up to three bytes for a character that is one UTF-16 unit in MAX_COPY_CHARS.
    json = await pipeBytes(bytes, new DecompressionStream("deflate-raw"), 3 * MAX_COPY_CHARS);
  } catch {
    return { ok: false, fault: LINK_FAULTS.cut };
  }
  if (!json) return { ok: false, fault: LINK_FAULTS.tooLarge };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(json);
    if (text.length > MAX_COPY_CHARS) return { ok: false, fault: LINK_FAULTS.tooLarge };
    return { ok: true, json: parseJsonSafely(text) };
  } catch {
    return { ok: false, fault: LINK_FAULTS.notJson };
  }
}

/**
 * JSON.parse that refuses keys which could reach an object's prototype (never written by this site,
 * so the text was made by hand). Throws on any fault, as JSON.parse does.
 */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw new SyntaxError("hostile key");
    return value;
  });
}

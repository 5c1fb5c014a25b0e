/**
 * Text a student typed, made safe to show beside other students' text: control characters and the
 * invisible bidirectional controls (embeddings, overrides, isolates, marks) removed. An override
 * (U+202E) would otherwise make "ecalevoL adA" read as "Ada Lovelace". Views also isolate such text
 * (<bdi>), so a right-to-left name cannot reorder what is next to it.
 */

// C0 and C1 controls, the Arabic letter mark, LRM/RLM, LRE…RLO (U+202A–E) and LRI…PDI (U+2066–9).
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control and bidirectional formatting characters (spaces kept: it may still be typed into). */
export function withoutControls(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** The text without control and bidirectional formatting characters, trimmed. */
export function plainText(text: string): string {
  return withoutControls(text).trim();
}

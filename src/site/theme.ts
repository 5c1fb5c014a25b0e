/** Where the reader's theme choice is stored. */
export const THEME_STORAGE_KEY = "activation-labs:theme";

/** A theme the reader can choose; anything else in storage means "follow the system". */
export type Theme = "light" | "dark";

/** Reads a stored theme defensively: only the exact strings "light" and "dark" count. */
export function parseStoredTheme(value: unknown): Theme | null {
  return value === "light" || value === "dark" ? value : null;
}

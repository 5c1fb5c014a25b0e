/**
 * What an embed page says about its own address parameters (`preset`, `theme`) when they cannot be used as given:
 * one plain sentence each, which the page shows as text above the lab (the lab itself reports its settings).
 */
import { PRESET_PARAM, THEME_PARAM } from "./embed-scripts.ts";

/** Longest part of a parameter's value quoted back to the reader. */
const QUOTED = 40;

/** A value as quoted in a sentence: control characters dropped, cut at QUOTED characters. */
function quoted(value: string): string {
  const plain = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  return `“${plain.length > QUOTED ? `${plain.slice(0, QUOTED)}…` : plain}”`;
}

/** What the page shows: the embed's lab presets and the preset it was built with (null: the lab's defaults). */
export interface EmbedPage {
  presets: readonly string[];
  preset: string | null;
}

/**
 * The sentences for an address's embed parameters: a preset the lab does not have (the head script has already
 * sent a known one to its own page, so a name still here is unknown), a theme that is not light or dark.
 */
export function embedNotices(search: string, page: EmbedPage): string[] {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return [];
  }
  const notices: string[] = [];
  const preset = params.get(PRESET_PARAM);
  if (preset !== null && preset !== page.preset && !page.presets.includes(preset)) {
    const name =
      preset.trim() === "" ? "The address names no preset" : `This lab has no preset called ${quoted(preset)}`;
    const known = page.presets.length > 0 ? ` Its presets: ${page.presets.join(", ")}.` : "";
    notices.push(`${name}, so it opened with its default settings.${known}`);
  }
  const theme = params.get(THEME_PARAM);
  if (theme !== null && theme !== "light" && theme !== "dark")
    notices.push(`The theme ${quoted(theme)} is not light or dark, so the lab follows your system's colours.`);
  return notices;
}

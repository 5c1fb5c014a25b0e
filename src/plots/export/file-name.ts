/** File names for a chart's exports: the lab, the chart and the step, e.g. "sandbox-decision-regions-step-400.png". */

/** The chart's title as a file-name part: lower-case ASCII words joined by "-", cut at a word to about 40 characters. */
export function slug(title: string): string {
  const words = title
    .normalize("NFKD")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = "";
  for (const w of words) {
    if (out && out.length + 1 + w.length > 40) break;
    out = out ? `${out}-${w}` : w;
  }
  return out.slice(0, 40) || "chart";
}

/**
 * The file name of a chart's export: "<lab>-<chart>-step-<step>.<ext>" inside a lab (its root's data-lab and
 * data-step), "activation-labs-<chart>.<ext>" elsewhere. The lab id and step are checked: only a known shape
 * reaches a file name.
 */
export function exportName(title: string, ext: string, lab: string | null, step: string | null): string {
  const labPart = lab && /^[a-z0-9-]{1,40}$/.test(lab) ? lab : "activation-labs";
  const stepPart = step && /^\d{1,9}$/.test(step) ? `-step-${step}` : "";
  return `${labPart}-${slug(title)}${stepPart}.${ext}`;
}

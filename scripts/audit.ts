/**
 * `npm run check`'s audit of what the site ships: `npm audit --omit=dev` (the packages in
 * `dependencies`: what reaches the reader's browser). Three outcomes, said plainly:
 *
 *   no known vulnerabilities ── exit 0
 *   vulnerabilities found ───── each listed, exit 1
 *   registry unreachable ────── a warning that nothing was checked, exit 0 (an offline machine or a
 *                               registry mirror without the audit endpoint must not fail every check)
 */
import { spawnSync } from "node:child_process";

/** What one audit run found. */
export type AuditOutcome =
  | { kind: "clean"; packages: number }
  | { kind: "vulnerable"; found: string[] }
  | { kind: "unreachable"; reason: string };

interface AuditJson {
  vulnerabilities?: Record<string, { name?: string; severity?: string; range?: string }>;
  metadata?: { vulnerabilities?: { total?: number }; dependencies?: { prod?: number } };
  error?: { code?: string; summary?: string };
  message?: string;
}

/** Reads `npm audit --json`'s output (a report, or an error when the registry could not be asked). */
export function readAudit(stdout: string): AuditOutcome {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return { kind: "unreachable", reason: "npm audit gave no report" };
  }
  if (!json.metadata) {
    const reason = json.error?.summary || json.error?.code || json.message || "no report";
    return { kind: "unreachable", reason: reason.split("\n")[0]!.slice(0, 200) };
  }
  const found = Object.values(json.vulnerabilities ?? {}).map((v) =>
    `${v.name ?? "?"} ${v.range ?? ""} (${v.severity ?? "unknown severity"})`.replace(/\s+/g, " "),
  );
  if (found.length > 0 || (json.metadata.vulnerabilities?.total ?? 0) > 0) return { kind: "vulnerable", found };
  return { kind: "clean", packages: json.metadata.dependencies?.prod ?? 0 };
}

if (import.meta.main) {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
  const outcome = run.error
    ? ({ kind: "unreachable", reason: run.error.message } as const)
    : readAudit(run.stdout ?? "");
  if (outcome.kind === "clean") {
    console.log(`npm audit --omit=dev: no known vulnerabilities in the ${outcome.packages} packages the site ships.`);
  } else if (outcome.kind === "vulnerable") {
    console.error(
      `npm audit --omit=dev: vulnerabilities found in what the site ships:\n  ${outcome.found.join("\n  ")}`,
    );
    console.error("Run `npm audit --omit=dev` for the advisories and fixes.");
    process.exit(1);
  } else {
    console.warn(
      `npm audit --omit=dev: SKIPPED, the registry could not be asked (${outcome.reason}). ` +
        "Nothing was checked; run `npm audit --omit=dev` where the registry is reachable.",
    );
  }
}

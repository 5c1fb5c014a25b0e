/** Turns a BASE_PATH setting into Astro's `base`: "/" by default, otherwise "/a/b/" with one slash each side. */
export function normaliseBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim();
  if (trimmed === "" || trimmed === "/") return "/";
  if (!/^[\w\-./~]+$/.test(trimmed) || trimmed.split("/").includes("..")) {
    throw new Error(`BASE_PATH must be a plain URL path such as /course/, got ${JSON.stringify(raw)}`);
  }
  const segments = trimmed.split("/").filter(Boolean);
  return `/${segments.join("/")}/`;
}

/** Joins the site's base with a site-relative path: href("/lessons/relu/") under base "/course/" is "/course/lessons/relu/". */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return head + path.replace(/^\/+/, "");
}

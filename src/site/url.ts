import { joinBase } from "./base-path.ts";

/** A site-relative path resolved under the configured base, e.g. url("/lessons/relu/"). */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

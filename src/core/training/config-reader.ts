/** Reading untrusted values field by field, collecting an issue per bad field (used by config.ts). */

/** An untrusted object being read. */
export type Obj = Record<string, unknown>;
/** True for a plain (non-array) object: the one check for "an object" at every boundary of the site. */
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
/** A value as it should appear in an error message. */
export const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** Collects issues while reading an untrusted object. */
export class Reader {
  readonly issues: string[] = [];
  num(
    o: Obj,
    path: string,
    key: string,
    min: number,
    max: number,
    opts: { int?: boolean; optional?: boolean } = {},
  ): number | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (opts.int && !Number.isInteger(v))) {
      this.issues.push(
        `${path}${key} must be a${opts.int ? "n integer" : " number"} in [${min}, ${max}]; got ${show(v)}.`,
      );
      return undefined;
    }
    return v;
  }
  name<T extends string>(
    o: Obj,
    path: string,
    key: string,
    ok: (s: unknown) => s is T,
    allowed: readonly string[],
  ): T | undefined {
    const v = o[key];
    if (ok(v)) return v;
    this.issues.push(`${path}${key} must be one of ${allowed.map((s) => `"${s}"`).join(", ")}; got ${show(v)}.`);
    return undefined;
  }
  obj(o: Obj, key: string): Obj {
    const v = o[key];
    if (isObj(v)) return v;
    this.issues.push(`${key} must be an object; got ${show(v)}.`);
    return {};
  }
}

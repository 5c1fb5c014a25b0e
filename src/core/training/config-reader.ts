/** Reading untrusted values field by field, collecting an issue per bad field (used by config.ts). */
import { isIntegerIn, isNumberIn, isOneOf, isPlainObject } from "../checks.ts";

/** An untrusted object being read. */
export type Obj = Record<string, unknown>;
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
    if (opts.int ? isIntegerIn(v, min, max) : isNumberIn(v, min, max)) return v as number;
    this.issues.push(
      `${path}${key} must be a${opts.int ? "n integer" : " number"} in [${min}, ${max}]; got ${show(v)}.`,
    );
    return undefined;
  }
  name<T extends string>(o: Obj, path: string, key: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (isOneOf(allowed, v)) return v;
    this.issues.push(`${path}${key} must be one of ${allowed.map((s) => `"${s}"`).join(", ")}; got ${show(v)}.`);
    return undefined;
  }
  obj(o: Obj, key: string): Obj {
    const v = o[key];
    if (isPlainObject(v)) return v;
    this.issues.push(`${key} must be an object; got ${show(v)}.`);
    return {};
  }
}

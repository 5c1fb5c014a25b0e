/**
 * What every lab's controller does the same way: its settings, checked once against the lab's schema where
 * they enter (the lesson's preset at construction, the address at mount, a control through `set`), the
 * notices for values that had to be corrected, and the one way settings are written back into the address.
 * A lab's own controller extends it with what is its own: which settings restart a run, its instruments,
 * its derived views.
 *
 *   constructor(preset) ──► settings = defaults ⊕ preset        (identical at build time and at hydration)
 *   mount()             ──► settings ⊕= address (but not what the page locks); started()   (in the browser, once)
 *                           (a page that knows its preset only in the browser gives it here: it replaces the first)
 *   set(key, value)     ──► checked ──► settings, address ──► changed(key)
 */
import {
  defaultsOf,
  readControls,
  readUrl,
  readValues,
  SHARED_CONTROLS,
  writeUrl,
  type ControlPolicy,
  type UrlSchema,
  type UrlValues,
} from "../../src/settings/url-state.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import type { LabId } from "../catalog.ts";
import { LAB_URL_KEYS } from "../url-keys.ts";

/** Where a lab reads and writes its part of the page address. */
export interface AddressBar {
  read(): string;
  write(search: string): void;
}

/** The browser's address bar (writes replace the history entry), or null outside a browser. */
export function browserAddress(): AddressBar | null {
  if (typeof location === "undefined" || typeof history === "undefined") return null;
  return {
    read: () => location.search,
    write: (search) => {
      if (search === location.search) return;
      history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    },
  };
}

/** How any lab is built: its address prefix and where its address lives. */
export interface LabOptions {
  /** URL prefix: the catalog's key unless a page embeds the lab twice. */
  urlKey?: string;
  /** Where settings are read from at mount and written to on change; the browser's by default, null for none. */
  address?: AddressBar | null;
}

/**
 * What the page around a lab sets when the lab mounts: the controls it locks and hides, and, for a page
 * that knows its lab's preset only in the browser (a teacher-written assignment opened from a link), the
 * preset, which then takes the place of the one the lab was built with.
 */
export interface PageSetup extends Partial<ControlPolicy> {
  preset?: Record<string, unknown>;
}

/** A lab's settings, their notices and their place in the address. */
export abstract class LabController<S extends UrlSchema> {
  /** The current settings; replaced whole on every change. */
  settings = $state.raw<UrlValues<S>>() as UrlValues<S>;
  /** Values from the preset, the address or a control that were corrected, oldest first. */
  notices = $state.raw<SettingNotice[]>([]);
  readonly id: LabId;
  readonly schema: S;
  /** Defaults overridden by the lesson's preset (or the page's, at mount): what the address is written against. */
  base: UrlValues<S>;
  readonly urlKey: string;
  /** True once mount() has run (the address has been read). */
  mounted = $state(false);
  /** Controls a teacher locked (shown, not changeable) or hid: from the address and the page, read at mount. */
  policy = $state.raw<ControlPolicy>({ locked: [], hidden: [] });
  readonly #address: AddressBar | null | undefined;

  constructor(id: LabId, schema: S, preset: unknown, options: LabOptions = {}) {
    this.id = id;
    this.schema = schema;
    this.urlKey = options.urlKey ?? LAB_URL_KEYS[id];
    this.#address = options.address;
    const notices: SettingNotice[] = [];
    const raw = preset !== null && typeof preset === "object" ? (preset as Record<string, unknown>) : {};
    const read = readValues(schema, raw, defaultsOf(schema), notices);
    this.base = this.consistent(read, Object.keys(raw), notices);
    this.settings = this.base;
    this.notices = notices;
  }

  /**
   * Applies the address's settings on top of the preset (each bad one becomes a notice) and starts the lab.
   * Call once, when the lab is on the page. `search` overrides the address (tests). `page` is the control policy
   * the page sets (an assignment locks and hides controls): a setting the page locks keeps the preset's value
   * whatever the address says, with a notice, so a student cannot unlock it by editing the link. A page's
   * `preset` is read as the constructor reads one (each bad value a notice) and becomes the base.
   */
  mount(search: string = this.#addressBar()?.read() ?? "", page: PageSetup = {}): void {
    if (page.preset) {
      const notices: SettingNotice[] = [];
      const read = readValues(this.schema, page.preset, defaultsOf(this.schema), notices);
      this.base = this.consistent(read, Object.keys(page.preset), notices);
      this.settings = this.base;
      if (notices.length > 0) this.notices = [...this.notices, ...notices];
    }
    this.policy = readControls(search, this.urlKey, this.controlNames, page);
    const fromUrl = readUrl(this.schema, search, this.urlKey, this.base);
    const notices = fromUrl.notices;
    const values = { ...fromUrl.values } as Record<string, unknown>;
    for (const key of fromUrl.keys) {
      if (!(page.locked ?? []).includes(key) || Object.is(values[key], (this.base as Record<string, unknown>)[key]))
        continue;
      values[key] = (this.base as Record<string, unknown>)[key];
      notices.push({
        setting: (this.schema[key] as { label: string }).label,
        message: `${(this.schema[key] as { label: string }).label} is set by this page, so the address's value was ignored.`,
      });
    }
    this.settings = this.consistent(values as UrlValues<S>, fromUrl.keys, notices);
    if (notices.length > 0) this.notices = [...this.notices, ...notices];
    this.mounted = true;
    this.started();
  }

  /**
   * Changes one setting from a control: the value (whatever the control gave) is checked against the schema
   * (clamped, rounded, or the old value kept, with a notice), written into the address, and passed to
   * changed(). Returns whether anything changed.
   */
  set<K extends keyof S & string>(key: K, value: unknown): boolean {
    const notices: SettingNotice[] = [];
    const read = readValues(this.schema, { [key]: value }, this.settings, notices);
    const next = this.consistent(read, [key], notices);
    if (notices.length > 0) this.notices = [...this.notices, ...notices];
    if (Object.keys(next).every((k) => Object.is(next[k], this.settings[k]))) return false;
    const previous = this.settings;
    this.settings = next;
    this.writeAddress();
    this.changed(key, previous);
    return true;
  }

  /** What a teacher's link may lock or hide: every setting, and the shared Speed and New seed. */
  get controlNames(): string[] {
    return [...Object.keys(this.schema), ...SHARED_CONTROLS];
  }

  /** The address's search string with this lab's settings written in (those equal to the preset left out). */
  urlSearch(search: string): string {
    return writeUrl(this.schema, this.settings, this.base, search, this.urlKey);
  }

  /** Writes the settings into the address (after mount only: the build and hydration never touch it). */
  protected writeAddress(): void {
    const bar = this.#addressBar();
    if (this.mounted && bar) bar.write(this.urlSearch(bar.read()));
  }

  /**
   * Makes settings consistent across fields (an output that needs two classes, say). `asked`: the keys the
   * source set explicitly, so a lab can give a notice only for a value somebody asked for. Called on the
   * preset, the address and every change; it must not use the subclass's fields (it runs in the constructor).
   */
  protected consistent(values: UrlValues<S>, _asked: readonly string[], _notices: SettingNotice[]): UrlValues<S> {
    return values;
  }

  /** Called once by mount(), after the address was applied: start training, draw, … */
  protected abstract started(): void;

  /** Called after `key` changed (settings already hold the new value; `previous` the old ones). */
  protected abstract changed(key: keyof S & string, previous: UrlValues<S>): void;

  #addressBar(): AddressBar | null {
    return this.#address === undefined ? browserAddress() : this.#address;
  }
}

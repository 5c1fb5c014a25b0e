/**
 * The `client:use` hydration directive (browser code, inlined into each page that uses it): an island hydrates
 * when the reader first reaches for it — a pointer over it, a touch, keyboard focus inside it, or a change to one
 * of its server-rendered controls — and at once when the page's address carries its settings (`?<key>.…`, the
 * directive's value), since then its server-rendered picture is not what the address asks for. A lab that only
 * answers the reader (the activation explorer) needs no JavaScript before that: its build-time picture is the
 * same as its first hydrated frame.
 *
 * A control changed before hydration ends would be reset by it (Svelte writes each control's value from its
 * state), so what the reader changed is written back and announced again once the island has hydrated.
 */
import type { ClientDirective } from "astro";

/** Events that start hydration: the reader is about to use the island. */
const REACH = ["pointerover", "pointerdown", "touchstart", "focusin"] as const;

/** A control the reader changed before hydration: what it held, and the events that announced it (input, change). */
interface Change {
  value: string;
  checked: boolean;
  types: Set<string>;
}

/** Whether the page's address holds a setting under `key` (`key.name=…`). */
function addressHolds(key: unknown): boolean {
  if (typeof key !== "string" || key === "") return false;
  return [...new URLSearchParams(location.search).keys()].some((name) => name.startsWith(`${key}.`));
}

const onUse: ClientDirective = (load, options, el) => {
  const changes = new Map<HTMLInputElement | HTMLSelectElement, Change>();
  const record = (event: Event): void => {
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
    const checked = control instanceof HTMLInputElement && control.checked;
    const types = changes.get(control)?.types ?? new Set<string>();
    changes.set(control, { value: control.value, checked, types: types.add(event.type) });
    void start();
  };
  let started = false;
  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    for (const type of REACH) el.removeEventListener(type, start);
    const hydrate = await load();
    await hydrate();
    el.removeEventListener("input", record, true);
    el.removeEventListener("change", record, true);
    for (const [control, change] of changes) {
      control.value = change.value;
      if (control instanceof HTMLInputElement) control.checked = change.checked;
      for (const type of change.types) control.dispatchEvent(new Event(type, { bubbles: true }));
    }
  };
  el.addEventListener("input", record, true);
  el.addEventListener("change", record, true);
  for (const type of REACH) el.addEventListener(type, start, { passive: true });
  if (addressHolds(options.value)) void start();
};

export default onUse;

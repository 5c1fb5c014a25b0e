/**
 * The `client:use` hydration directive (browser code, inlined into each page that uses it): an island hydrates
 * when the reader first reaches for it — a pointer over it, a touch, keyboard focus inside it, or a change to one
 * of its server-rendered controls — and at once when the page's address carries its settings (`?<key>.…`, the
 * directive's value), since then its server-rendered picture is not what the address asks for. A lab that only
 * answers the reader (the activation explorer) needs no JavaScript before that: its build-time picture is the
 * same as its first hydrated frame.
 *
 * A control changed before hydration ends would be reset by it (Svelte writes each control's value from its
 * state), so what the reader changed is written back and announced again (input, then change) once the island
 * has hydrated.
 */
import type { ClientDirective } from "astro";

/** Events that start hydration: the reader is about to use the island. */
const REACH = ["pointerover", "pointerdown", "touchstart", "focusin", "input", "change"];

const onUse: ClientDirective = (load, options, el) => {
  // Each control the reader changed before hydration: what it held, and the events that announced it.
  const changes = new Map<HTMLInputElement, { value: string; checked: boolean; types: Set<string> }>();
  let started = false;
  const start = async (event?: Event): Promise<void> => {
    const control = event?.target as HTMLInputElement | null | undefined;
    if (control && (event?.type === "input" || event?.type === "change")) {
      const types = changes.get(control)?.types ?? new Set<string>();
      changes.set(control, { value: control.value, checked: control.checked, types: types.add(event.type) });
    }
    if (started) return;
    started = true;
    const hydrate = await load();
    await hydrate();
    for (const type of REACH) el.removeEventListener(type, start, true);
    for (const [control, { value, checked, types }] of changes) {
      control.value = value;
      control.checked = checked;
      for (const type of types) control.dispatchEvent(new Event(type, { bubbles: true }));
    }
  };
  for (const type of REACH) el.addEventListener(type, start, { capture: true, passive: true });
  if (typeof options.value === "string" && new RegExp(`[?&]${options.value}\\.`).test(location.search)) void start();
};

export default onUse;

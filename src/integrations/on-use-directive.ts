/**
 * The `client:use` hydration directive (browser code, inlined into each page that uses it): an island hydrates
 * when the reader first reaches for it — a pointer over it, a touch, keyboard focus inside it, or a change to one
 * of its server-rendered controls — and at once when the page's address carries its settings (`?<key>.…`, the
 * directive's value), since then its server-rendered picture is not what the address asks for. A lab that only
 * answers the reader (the activation explorer) needs no JavaScript before that: its build-time picture is the
 * same as its first hydrated frame.
 *
 * An island inside a lab's root (`[data-lab]`, e.g. the sandbox's instruments, nested in the sandbox) waits for the
 * reader's first use of the whole lab instead: a pointer, a touch or focus anywhere in it, a click (an embed's host
 * presses the lab's buttons), or the lab leaving its build-time picture on its own (its data-step or data-status
 * changes: a kept run replayed, a run started). Until then it draws what the lab's first live frame would. One the
 * lab creates after it has hydrated (a panel shown again, or for the first time) hydrates at once: its
 * server-rendered picture is the build's, and the lab has moved on.
 *
 * A control changed before hydration ends would be reset by it (Svelte writes each control's value from its
 * state), so what the reader changed is written back and announced again (input, then change) once the island
 * has hydrated.
 */
import type { ClientDirective } from "astro";

/** Events that start hydration: the reader is about to use the island. */
const REACH = ["pointerover", "pointerdown", "touchstart", "focusin", "input", "change"];

const onUse: ClientDirective = (load, options, el) => {
  const lab = el.parentElement?.closest<HTMLElement>("[data-lab]") ?? null;
  const area = lab ?? el;
  const reach = lab ? [...REACH, "click"] : REACH;
  const picture = () => (lab ? `${lab.dataset.step}/${lab.dataset.status}` : "");
  const built = picture();
  const moved = new MutationObserver(() => picture() !== built && void start());
  // Each control of the island the reader changed before hydration: what it held, and the events that announced it.
  const changes = new Map<HTMLInputElement, { value: string; checked: boolean; types: Set<string> }>();
  let started = false;
  const start = async (event?: Event): Promise<void> => {
    const control = event?.target as HTMLInputElement | null | undefined;
    if (control && el.contains(control) && (event?.type === "input" || event?.type === "change")) {
      const types = changes.get(control)?.types ?? new Set<string>();
      changes.set(control, { value: control.value, checked: control.checked, types: types.add(event.type) });
    }
    if (started) return;
    started = true;
    moved.disconnect();
    const hydrate = await load();
    await hydrate();
    for (const type of reach) area.removeEventListener(type, start, true);
    for (const [control, { value, checked, types }] of changes) {
      control.value = value;
      control.checked = checked;
      for (const type of types) control.dispatchEvent(new Event(type, { bubbles: true }));
    }
  };
  for (const type of reach) area.addEventListener(type, start, { capture: true, passive: true });
  if (lab) moved.observe(lab, { attributes: true, attributeFilter: ["data-step", "data-status"] });
  const createdByLab = el.parentElement?.closest("astro-island:not([ssr])") != null;
  const inAddress = typeof options.value === "string" && new RegExp(`[?&]${options.value}\\.`).test(location.search);
  if (createdByLab || inAddress) void start();
};

export default onUse;

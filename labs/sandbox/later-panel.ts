/**
 * A panel whose component loads the first time the reader opens it: mounted into a host element then, and
 * unmounted with the view. Why not an {#await import(…)} block in the template: the runtime code for await
 * blocks would join the Svelte chunk that every lab page loads, while mount() is there already.
 */
import { mount, unmount, type Component } from "svelte";

/** One lazily loaded panel. */
export class LaterPanel<P extends Record<string, unknown>> {
  readonly #load: () => Promise<{ default: Component<P> }>;
  readonly #props: P;
  #instance: Record<string, unknown> | null = null;
  #started = false;
  #disposed = false;

  constructor(load: () => Promise<{ default: Component<P> }>, props: P) {
    this.#load = load;
    this.#props = props;
  }

  /** Loads the component (once) and mounts it into `host`. */
  open(host: HTMLElement | undefined): void {
    if (this.#started || !host) return;
    this.#started = true;
    void this.#load().then((m) => {
      if (!this.#disposed) this.#instance = mount(m.default, { target: host, props: this.#props });
    });
  }

  /** Unmounts the panel (the view that holds it is going away). */
  dispose(): void {
    this.#disposed = true;
    if (this.#instance) void unmount(this.#instance);
    this.#instance = null;
  }
}

/**
 * A lab's controller by a key unique on its page, for an island nested in the lab. The sandbox's instruments are
 * such an island: they hydrate on the reader's first use of the lab (`client:use`), after the lab itself, and draw
 * from the controller the lab made. At build time the lab's Embed.astro registers one made the same way, since
 * Astro renders a nested island before the island around it.
 */
const controllers = new Map<string, unknown>();

/** The key of a lab on its page: its id and its address key (unique per page, since the address is shared). */
export function controllerKey(id: string, urlKey: string): string {
  return `${id}:${urlKey}`;
}

/** Registers `controller` as the one the islands given `key` read; returns it. */
export function shareController<T>(key: string, controller: T): T {
  controllers.set(key, controller);
  return controller;
}

/** The controller registered under `key`, or null. */
export function sharedController<T>(key: string): T | null {
  return (controllers.get(key) as T | undefined) ?? null;
}

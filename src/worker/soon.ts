/**
 * A scheduler for the training worker's slices: calls each function soon, after the tasks already queued (so a
 * Pause or a "shown" from the page is handled between two slices), in order. It posts to itself on a
 * MessageChannel instead of calling setTimeout(fn, 0), which browsers clamp to 4 ms once timeouts nest five
 * deep: a worker scheduling every 12 ms slice that way sat idle a quarter of the time, and its snapshots
 * went out up to a slice late, so the page drew one frame in two or three.
 *
 * `first` puts a function ahead of those already queued: a run the page has just answered ("shown") owes it its
 * next snapshot, and behind the other runs' slices it would reach the page a frame late.
 */
export function soonScheduler(): (fn: () => void, first?: boolean) => void {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn, first = false) => {
    if (first) queue.unshift(fn);
    else queue.push(fn);
    channel.port2.postMessage(null);
  };
}

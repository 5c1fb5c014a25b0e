/** Edits to a teacher's choice for a lab (share-link.ts's LinkChoice): the two builders make them alike. */

/** A choice's fixed settings with `key` fixed at `value`, or freed when `value` is null. */
export function withFixed<V>(fixed: Record<string, V>, key: string, value: V | null): Record<string, V> {
  const { [key]: _old, ...rest } = fixed;
  return value === null ? rest : { ...rest, [key]: value };
}

/** A locked or hidden list with `name` in it (at the end) when `on`, else without it. */
export function withControl(list: readonly string[], name: string, on: boolean): string[] {
  const without = list.filter((n) => n !== name);
  return on ? [...without, name] : without;
}

/** Selectors (by store) whose collection was just opened from the list: the bar then takes focus, so its name is read out. */
const pending = new WeakSet<object>();

export function focusBarOnOpen(store: object): void {
  pending.add(store);
}

/** Whether the bar should take focus now (once). A collection opened by the host's `collection` option leaves focus where it is. */
export function takeBarFocus(store: object): boolean {
  return pending.delete(store);
}

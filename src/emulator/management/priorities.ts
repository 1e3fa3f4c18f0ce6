/**
 * Okta's ordering of policies and rules: one placed at a priority another already holds goes
 * before it, and the ones behind move down a place while they collide. System entries (the
 * catch-all rule, the default policy) keep their place; an entry without a priority goes last
 * before them.
 */
export function placeByPriority<T extends { priority: number; system?: boolean }>(
  items: T[],
  item: T,
  requested: number | undefined,
): void {
  const movable = items.filter((i) => i !== item && !i.system).sort((a, b) => a.priority - b.priority);
  const end = movable.length ? movable[movable.length - 1].priority + 1 : 1;
  // A priority past the end goes last (before the system entries), not after them.
  item.priority = requested === undefined ? end : Math.min(requested, end);
  let taken = item.priority;
  for (const other of movable) {
    if (other.priority < item.priority) continue;
    if (other.priority > taken) break;
    other.priority = ++taken;
  }
  if (!items.includes(item)) items.push(item);
}

/**
 * Per-build memo for values derived from a shared object (usually the site history). Page frontmatter runs once
 * per page; a list sorted or indexed there would be rebuilt for each of thousands of pages (at national scale that
 * was 0.3 s per list page and 11 ms per unit page). Keyed weakly by the owner, so a new history gets new values.
 */
const memos = new WeakMap<object, Map<string, unknown>>();

export function memo<T>(owner: object, name: string, compute: () => T): T {
  let values = memos.get(owner);
  if (!values) memos.set(owner, (values = new Map()));
  if (!values.has(name)) values.set(name, compute());
  return values.get(name) as T;
}

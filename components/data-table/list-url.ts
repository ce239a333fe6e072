/** A list page's URL with some params changed ('' or null removes one); cursors reset unless given. */
export function listHref(path: string, current: Record<string, string | undefined>, change: Record<string, string | null>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(current)) if (v && k !== 'after' && k !== 'before') next.set(k, v);
  for (const [k, v] of Object.entries(change)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Answers worked out once per distinct string: pages repeat a few hundred class names on
 * thousands of elements, and the annotator asks about the same lines several times. The
 * table lives as long as the popup or the live script, across pages, so it is emptied when
 * it reaches `max` entries rather than allowed to grow without bound.
 */
export function memoByString<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}

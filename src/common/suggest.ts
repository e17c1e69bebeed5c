/** "Did you mean …?" for names, keys and ids. */

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The candidate the user most likely meant: the shortest completion of `name` if there is one
 * (a prefix, "ev_uptake" for "ev_uptake_rate", is the likeliest slip), else the nearest by edit
 * distance (case-insensitive) when it is within a third of the name's length (at least 2).
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const completions = list.filter((c) => c.startsWith(name) && c !== name).sort((a, b) => a.length - b.length);
  if (completions[0] !== undefined) return completions[0];
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of list) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

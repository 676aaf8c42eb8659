/** A seeded PRNG and helpers, so that the demo data is the same on every run. */
/** mulberry32: tiny, fast, good enough for demo data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from empty list');
  return item;
}

export function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (last === undefined) throw new Error('weighted pick from empty list');
  return last[0];
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(rng, 0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * n values in the given proportions, shuffled: whole shares exactly, the
 * remainders by weighted draw. Keeps small cells close to the target mix, so
 * the province totals land near the real figures instead of drifting.
 */
export function apportion<T>(rng: Rng, weights: ReadonlyArray<readonly [T, number]>, n: number): T[] {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  const remainders: Array<[T, number]> = [];
  for (const [value, w] of weights) {
    const exact = (n * w) / total;
    for (let i = 0; i < Math.floor(exact); i++) out.push(value);
    if (exact % 1 > 0) remainders.push([value, exact % 1]);
  }
  while (out.length < n && remainders.length > 0) {
    const chosen = weighted(rng, remainders);
    out.push(chosen);
    remainders.splice(remainders.findIndex(([v]) => v === chosen), 1);
  }
  return shuffle(rng, out);
}

export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(rng, 0, 9));
  return s;
}

/** Draws until the value is new, for the columns that must (or should) be unique. */
export function unique(rng: Rng, seen: Set<string>, make: (rng: Rng) => string): string {
  for (;;) {
    const value = make(rng);
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
}

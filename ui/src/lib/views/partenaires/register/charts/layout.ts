// A deterministic force-directed layout (Fruchterman & Reingold, 1991, with their grid for the repulsion) and
// a fixed number of iterations:
// the network's positions are computed here, in a bounded time, rather than by ECharts' own force layout,
// whose ~500 steps over every pair of nodes would hold the window for seconds on a large register
// (300 actors, 1 000 interactions). Pure: the same actors and links give the same picture.

/** A position in the layout's own units (the chart fits them to its box). */
export interface Point {
  x: number;
  y: number;
}

/** How long the layout runs: its iterations, each over the near pairs of nodes and every link. */
export const LAYOUT_ITERATIONS = 120;
/** A large network's iterations: half, for the same picture to the eye (compared on 300 actors, 1 000 links). */
export const LARGE_LAYOUT_ITERATIONS = 60;

/** A number in [0, 1) from a text (FNV-1a), the same on every run: the nodes' starting points. */
export function unitHash(text: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}

/** The layout's ideal distance between linked nodes for `n` nodes (its side is about 1 000). */
export function layoutSpacing(n: number): number {
  return 0.8 * Math.sqrt((1000 * 1000) / Math.max(n, 1));
}

/**
 * Positions for `ids.length` nodes linked by `links` (pairs of indices into `ids`), in a square of side
 * about 1 000 centred on 0. Every node is pulled gently to the centre, so that parts of the network that
 * do not touch stay near each other.
 */
export function forceLayout(ids: string[], links: [number, number][], iterations = LAYOUT_ITERATIONS): Point[] {
  const n = ids.length;
  if (n === 0) return [];
  if (n === 1) return [{ x: 0, y: 0 }];
  const side = 1000;
  const k = layoutSpacing(n);
  const k2 = k * k;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? "";
    const r = (side / 2) * Math.sqrt(unitHash(id, 1));
    const angle = 2 * Math.PI * unitHash(id, 2);
    xs[i] = r * Math.cos(angle);
    ys[i] = r * Math.sin(angle);
  }
  const gravity = 0.02;
  const start = side / 10;
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    // Repulsion between nodes closer than 2k only (Fruchterman & Reingold's grid variant): each node looks at
    // the nodes of its own cell and the eight around it, so a step costs about n rather than n² pairs.
    const cell = 2 * k;
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = `${Math.floor((xs[i] as number) / cell)}:${Math.floor((ys[i] as number) / cell)}`;
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [i]);
      else bucket.push(i);
    }
    const reach = cell * cell;
    for (let i = 0; i < n; i++) {
      const xi = xs[i] as number;
      const yi = ys[i] as number;
      const cx = Math.floor(xi / cell);
      const cy = Math.floor(yi / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          const bucket = buckets.get(`${gx}:${gy}`);
          if (bucket === undefined) continue;
          for (const j of bucket) {
            // Each pair once: the lower index pushes both.
            if (j <= i) continue;
            let ex = xi - (xs[j] as number);
            let ey = yi - (ys[j] as number);
            let d2 = ex * ex + ey * ey;
            if (d2 > reach) continue;
            if (d2 < 0.01) {
              // Two nodes on the same spot: push them apart along a direction their ids decide.
              ex = unitHash(ids[i] ?? "", step) - 0.5;
              ey = unitHash(ids[j] ?? "", step) - 0.5;
              d2 = ex * ex + ey * ey + 0.01;
            }
            const f = k2 / d2; // (k² / d) along the unit vector (e / d)
            dx[i] = (dx[i] as number) + ex * f;
            dy[i] = (dy[i] as number) + ey * f;
            dx[j] = (dx[j] as number) - ex * f;
            dy[j] = (dy[j] as number) - ey * f;
          }
        }
      }
    }
    for (const [a, b] of links) {
      const ex = (xs[a] as number) - (xs[b] as number);
      const ey = (ys[a] as number) - (ys[b] as number);
      const d = Math.sqrt(ex * ex + ey * ey);
      const f = d / k; // (d² / k) along (e / d)
      dx[a] = (dx[a] as number) - ex * f;
      dy[a] = (dy[a] as number) - ey * f;
      dx[b] = (dx[b] as number) + ex * f;
      dy[b] = (dy[b] as number) + ey * f;
    }
    const temperature = start * (1 - step / iterations) + 1;
    for (let i = 0; i < n; i++) {
      const x = xs[i] as number;
      const y = ys[i] as number;
      const mx = (dx[i] as number) - gravity * x * k / 10;
      const my = (dy[i] as number) - gravity * y * k / 10;
      const m = Math.sqrt(mx * mx + my * my);
      if (m === 0) continue;
      const move = Math.min(m, temperature) / m;
      xs[i] = x + mx * move;
      ys[i] = y + my * move;
    }
  }
  return Array.from(xs, (x, i) => ({ x, y: ys[i] as number }));
}

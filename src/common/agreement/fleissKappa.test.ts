import { describe, expect, it } from 'vitest';
import { fleissKappa, fleissKappaBinary } from './fleissKappa';

describe('fleissKappa', () => {
  it('gives 0.210 on Fleiss (1971) as tabulated on Wikipedia (10 items, 14 raters, 5 categories)', () => {
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const codes: number[][] = Array.from({ length: 14 }, () => []);
    for (const row of table) {
      let rater = 0;
      row.forEach((n, category) => { for (let k = 0; k < n; k++) codes[rater++].push(category); });
    }
    expect(fleissKappa(codes)).toBeCloseTo(0.20993070442195522, 12);
  });

  it('matches the binary summary form', () => {
    const codes = [[1, 0, 1, 1, 0, 0], [1, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 1]];
    let positives = 0;
    let squared = 0;
    for (let i = 0; i < 6; i++) {
      const k = codes[0][i] + codes[1][i] + codes[2][i];
      positives += k;
      squared += k * k;
    }
    expect(fleissKappaBinary({ items: 6, raters: 3, positives, positivesSquared: squared })).toBeCloseTo(fleissKappa(codes)!, 14);
  });

  it('is 1 for identical codes, null when undefined', () => {
    expect(fleissKappa([[1, 0, 1], [1, 0, 1], [1, 0, 1]])).toBe(1);
    expect(fleissKappa([[0, 0], [0, 0], [0, 0]])).toBeNull();
    expect(fleissKappa([[], [], []])).toBeNull();
    expect(fleissKappa([[1, 0]])).toBeNull();
    expect(fleissKappaBinary({ items: 0, raters: 3, positives: 0, positivesSquared: 0 })).toBeNull();
  });
});

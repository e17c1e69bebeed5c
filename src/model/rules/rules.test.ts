import { describe, expect, it } from 'vitest';
import { behaviourResponse, multivariateHill } from './hill.ts';
import { ruleToEnglish, type Rule } from './rule.ts';
import { rulesFromCsv, rulesToCsv } from './csv.ts';
import { UserError } from '../../common/errors.ts';

describe('PhysiCell Hill response', () => {
  it('is half-maximal at the half-max and saturates', () => {
    expect(multivariateHill([{ value: 5, halfMax: 5, hillPower: 4 }])).toBeCloseTo(0.5, 15);
    expect(multivariateHill([{ value: 1e6, halfMax: 5, hillPower: 4 }])).toBeGreaterThan(1 - 1e-15);
    expect(multivariateHill([{ value: 0, halfMax: 5, hillPower: 4 }])).toBe(0);
  });

  it('combines up signals in one term: two signals at half-max give 2/3, not 1 − (1/2)²', () => {
    const s = { value: 1, halfMax: 1, hillPower: 1 };
    expect(multivariateHill([s, s])).toBeCloseTo(2 / 3, 15);
  });

  it('moves base towards max for up signals, then towards min for down signals', () => {
    const spec = { base: 1, max: 3, min: 0.2 };
    expect(behaviourResponse(spec, [], [])).toBe(1);
    expect(behaviourResponse(spec, [{ value: 2, halfMax: 2, hillPower: 2 }], [])).toBeCloseTo(2, 15);
    // U = 2, then halfway to 0.2
    expect(behaviourResponse(spec, [{ value: 2, halfMax: 2, hillPower: 2 }], [{ value: 7, halfMax: 7, hillPower: 3 }])).toBeCloseTo(1.1, 15);
  });
});

const frk: Rule = {
  cellType: 'glioma',
  signal: 'custom:FRK',
  direction: 'decreases',
  behavior: 'migration speed',
  saturation: 0.05,
  halfMax: 0.5,
  hillPower: 4,
  appliesToDead: false,
  atlas: ['qian2021-015', 'qian2021-021'],
};

describe('rules as English and as PhysiCell CSV v3', () => {
  it('renders a rule in English', () => {
    expect(ruleToEnglish(frk, 0.5)).toBe('In glioma, custom:FRK decreases migration speed from 0.5 towards 0.05 with a Hill response: half-max 0.5, Hill power 4.');
  });

  it('round-trips through CSV, keeping atlas ids in comments', () => {
    const csv = rulesToCsv([frk, { ...frk, signal: 'oxygen', direction: 'increases', behavior: 'cycle entry', saturation: 0.003333, halfMax: 21.5, atlas: [] }]);
    expect(csv).toContain('glioma,custom:FRK,decreases,migration speed,0.05,0.5,4,0');
    expect(rulesFromCsv('rules.csv', csv)).toEqual([frk, { ...frk, signal: 'oxygen', direction: 'increases', behavior: 'cycle entry', saturation: 0.003333, halfMax: 21.5, atlas: [] }]);
  });

  it('reads PhysiCell sample rules', () => {
    const r = rulesFromCsv('cell_rules.csv', '// sample\nmalignant epithelial cell,oxygen,decreases,necrosis,0,3.75,8,0\n');
    expect(r[0]).toMatchObject({ cellType: 'malignant epithelial cell', signal: 'oxygen', behavior: 'necrosis', halfMax: 3.75, hillPower: 8 });
  });

  it('reports malformed fields with line and column', () => {
    try {
      rulesFromCsv('r.csv', 'a,b,increases,c,1,2,3,0\nglioma,oxygen,raises,speed,1,-2,3,0\nshort,line\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      const msgs = (e as UserError).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
      expect(msgs).toEqual([
        '2:15 direction: expected "increases" or "decreases", found "raises"',
        '2:30 half-max: expected a positive number, found "-2"',
        '3:1 : expected 8 comma-separated fields (cell type, signal, direction, behavior, saturation value, half-max, Hill power, applies to dead), found 2',
      ]);
    }
  });
});

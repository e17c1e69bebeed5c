import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../atlas/load.ts';
import { loadModel } from '../model/load-model.ts';
import { exampleReportInput } from './example.ts';
import { renderReport } from './html.ts';
import { countMarks } from './test-helpers/svg.ts';

describe('the example report', () => {
  it('renders every section from the real model, its atlas evidence and illustrative data', async () => {
    const model = loadModel();
    const input = await exampleReportInput(model, loadAtlas(), { codeVersion: '0.1.0+test', date: '2026-11-21T00:00:00Z', seed: 1 });
    const page = renderReport(input);
    for (const id of ['claims', 'figures', 'rules', 'parameters']) expect(page).toContain(`<section id="${id}">`);
    expect(page).toContain('illustrative numbers, not model output');
    // the real model: every parameter and every rule appears
    expect(input.parameters.length).toBe(Object.keys(model.file.parameters).length);
    expect(input.rules.length).toBe(model.file.rules.length);
    for (const name of Object.keys(model.file.parameters)) expect(page).toContain(`<code>${name}</code>`);
    expect(input.rules.some((r) => r.atlasIds.includes('qian2021-015') && r.reference.startsWith('Qian et al. 2021'))).toBe(true);
    // the statistics ran: H-GDE vs PBS is significant in these numbers, F7 was not evaluated
    expect(input.claims.map((c) => c.holds)).toEqual([true, true, true, null]);
    // the figures are real vega renderings: 3 bars and 15 dots in the migration panel
    expect(countMarks(input.figures[0]!.svg, 'rect')).toBe(3);
    expect(countMarks(input.figures[0]!.svg, 'symbol')).toBe(15);
    expect(page.match(/<figure /g)).toHaveLength(3);
  });
});

/** The pages' "nothing more happens" statuses are the server's (the sets are runtime values, so each side has its own). */
import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES } from '../../src/server/runs/registry.ts';
import { FINAL_EXPERIMENT_STATUSES } from '../../src/server/experiments/registry.ts';
import { FINAL as FINAL_RUN } from './sim/types.ts';
import { FINAL as FINAL_EXPERIMENT } from './experiments/types.ts';

describe('final statuses', () => {
  it('are the same in the web app as on the server', () => {
    expect([...FINAL_RUN].sort()).toEqual([...FINAL_STATUSES].sort());
    expect([...FINAL_EXPERIMENT].sort()).toEqual([...FINAL_EXPERIMENT_STATUSES].sort());
  });
});

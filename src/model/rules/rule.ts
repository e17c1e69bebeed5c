/**
 * One rule in the PhysiCell grammar — "in cell type X, signal S increases/decreases behaviour B
 * (half-max h, Hill power n, max/min response M)" — plus the atlas relations it implements.
 */
import { z } from 'zod';

export const ruleSchema = z.strictObject({
  cellType: z.string().min(1),
  signal: z.string().min(1),
  direction: z.enum(['increases', 'decreases']),
  behavior: z.string().min(1),
  /** Value the behaviour saturates to: the max for "increases", the min for "decreases". */
  saturation: z.number(),
  halfMax: z.number().positive(),
  hillPower: z.number().positive(),
  appliesToDead: z.boolean().default(false),
  /** Atlas relation ids this rule implements (checked against the atlas on load). */
  atlas: z.array(z.string().min(1)).default([]),
  /** Why this rule, in one sentence (shown by `model explain`). */
  rationale: z.string().min(1).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}

/** PhysiCell-style English rendering, e.g. "In glioma, FRK decreases migration speed from 0.5 towards 0.2 …". */
export function ruleToEnglish(rule: Rule, base?: number): string {
  const from = base !== undefined ? ` from ${fmt(base)}` : '';
  const dead = rule.appliesToDead ? ' Applies to dead cells too.' : '';
  return `In ${rule.cellType}, ${rule.signal} ${rule.direction} ${rule.behavior}${from} towards ${fmt(rule.saturation)} with a Hill response: half-max ${fmt(rule.halfMax)}, Hill power ${fmt(rule.hillPower)}.${dead}`;
}

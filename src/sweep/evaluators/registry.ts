/**
 * Evaluators by name. Each module exports `evaluatorModule: EvaluatorModule` and is imported by URL,
 * in the main process to prepare a sweep and inside workers to run its points.
 */
import { siblingModuleUrl } from '../../engine/parallel/pool.ts';
import { closestName } from '../../common/suggest.ts';
import type { EvaluatorModule } from '../evaluator.ts';

const MODULES: Readonly<Record<string, string>> = {
  ishigami: './ishigami',
  linear: './linear',
  qian2021: './qian2021',
  scenario: './scenario',
};

export function evaluatorNames(): string[] {
  return Object.keys(MODULES);
}

/** The module URL of a named evaluator, or undefined. */
export function evaluatorUrl(name: string): string | undefined {
  const rel = MODULES[name];
  return rel === undefined ? undefined : siblingModuleUrl(import.meta.url, rel);
}

export function suggestEvaluator(name: string): string | undefined {
  return closestName(name, evaluatorNames());
}

export async function loadEvaluatorModule(name: string): Promise<EvaluatorModule> {
  const url = evaluatorUrl(name);
  if (url === undefined) throw new Error(`unknown evaluator "${name}"`);
  const mod = (await import(url)) as { evaluatorModule?: EvaluatorModule };
  if (mod.evaluatorModule === undefined) throw new Error(`${url} does not export evaluatorModule`);
  return mod.evaluatorModule;
}

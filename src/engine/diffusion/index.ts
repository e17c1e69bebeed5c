/** Diffusion–decay(–advection) solver for substrate fields: public API. */
export { createDiffusionSolver, PARALLEL_MIN_VOXEL_UPDATES } from './solver.ts';
export type { DiffusionBudget, DiffusionSolver, DiffusionSolverDescription, DiffusionSolverOptions, SubstrateDiffusion } from './solver.ts';
export { FACES } from './dirichlet.ts';
export type { DirichletFaces, Face } from './dirichlet.ts';
export { checkCourant, maxCourant } from './advection.ts';
export type { VelocityField } from './advection.ts';

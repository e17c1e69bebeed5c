export { AgentStore, F64_COLUMNS, FLAG_APOPTOTIC, FLAG_NECROTIC, I32_COLUMNS } from './store.ts';
export type { AgentStoreOptions, F64Column, I32Column, NewCell, SharedAgentBuffers, StoreRows } from './store.ts';
export { NeighbourGrid } from './grid.ts';
export type { Domain } from './grid.ts';
export {
  PHYSICELL_ADHESION_UM_PER_MIN,
  PHYSICELL_REL_MAX_ADHESION_DISTANCE,
  PHYSICELL_REPULSION_UM_PER_MIN,
  PHYSICELL_WALL_REPULSION_UM_PER_MIN,
  equilibriumDistanceUm,
  mechanicsTable,
} from './mechanics.ts';
export type { CellTypeMechanics, MechanicsTable } from './mechanics.ts';
export { biasFromField, biasFromFields, biasFromFunction, biasFromGradients } from './motility.ts';
export { AgentDynamics } from './dynamics.ts';
export type { AgentDynamicsOptions } from './dynamics.ts';
export { agentStepKernel } from './step-kernel.ts';
export type { AgentStepArgs, AgentStepArrays } from './step-kernel.ts';
export { PHYSICELL_APOPTOSIS_DURATION_MIN, lifecycleStep } from './lifecycle.ts';
export type { CycleModel, LifecycleEvents, LifecycleOptions, LifecycleRates } from './lifecycle.ts';
export { PURPOSE_CYCLE, PURPOSE_DEATH, PURPOSE_DIVISION, PURPOSE_MOTILITY, PURPOSE_MOTILITY_TRIAL } from './purposes.ts';

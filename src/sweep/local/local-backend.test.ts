import { describeBackendConformance } from '../test-helpers/backend-conformance.ts';
import { createLocalBackend } from './local-backend.ts';

describeBackendConformance('local (2 worker threads)', (workDir) => {
  const backend = createLocalBackend({ threads: 2, workDir });
  return Promise.resolve({ backend, close: () => backend.close() });
});

import { afterAll, beforeAll } from 'vitest';
import { describeBackendConformance } from '../test-helpers/backend-conformance.ts';
import { startRedisServer, type RedisServer } from '../test-helpers/redis-server.ts';
import { createQueueBackend } from './queue-backend.ts';
import { startQueueWorker } from './queue-worker.ts';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});

// Long locks: on a loaded CI machine a short lock lets BullMQ declare a slow job stalled and run it
// twice, which the conformance suite rightly counts as a second attempt. Stall recovery is
// tested with short locks in kill-worker.test.ts.
describeBackendConformance('BullMQ queue on a real redis-server (two in-process workers, 1 thread each)', async (workDir) => {
  const backend = await createQueueBackend({ url: redis.url, pollMs: 500 });
  const workers = await Promise.all([1, 2].map((i) => startQueueWorker({ url: redis.url, threads: 1, workDir, name: `w${i}`, lockDurationMs: 30_000, stalledIntervalMs: 10_000 })));
  return {
    backend,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await backend.close();
    },
  };
});

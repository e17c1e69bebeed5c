/**
 * Execution slots shared by everything a server computes (scenario runs and experiments): at most
 * `limit` jobs execute at once. Each service keeps its own queue and registers as a client; when a
 * slot is free, the client whose head of queue has waited longest (the smallest ticket) starts next,
 * so runs and experiments are served first in, first out across both queues.
 */
export interface SlotClient {
  /** Ticket of the job at the head of this client's queue, or undefined when nothing waits. */
  oldest(): number | undefined;
  /** Start the job at the head of the queue; false when it could not start (the slot stays free). */
  startNext(): boolean;
}

export class WorkSlots {
  readonly limit: number;
  private used = 0;
  private nextTicket = 0;
  private readonly clients: SlotClient[] = [];
  private kicking = false;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`slots: limit must be a positive integer, got ${limit}`);
    this.limit = limit;
  }

  /** A ticket for a job entering a queue (increasing: earlier tickets start first). */
  ticket(): number {
    return this.nextTicket++;
  }

  register(client: SlotClient): void {
    this.clients.push(client);
  }

  /** Jobs executing now, across all clients. */
  inUse(): number {
    return this.used;
  }

  /** A job finished: free its slot and start what waits. */
  release(): void {
    this.used = Math.max(0, this.used - 1);
    this.kick();
  }

  /** Start waiting jobs while slots are free (call after queueing a job). */
  kick(): void {
    if (this.kicking) return; // startNext may call back into kick; the running loop picks the work up
    this.kicking = true;
    try {
      while (this.used < this.limit) {
        const order = this.clients.map((c) => ({ c, t: c.oldest() })).filter((x): x is { c: SlotClient; t: number } => x.t !== undefined).sort((a, b) => a.t - b.t);
        if (order.length === 0) break;
        let started = false;
        for (const { c } of order) {
          this.used++;
          if (c.startNext()) {
            started = true;
            break;
          }
          this.used--;
        }
        if (!started) break;
      }
    } finally {
      this.kicking = false;
    }
  }
}

/** An executing run or experiment as its service keeps it: why it is stopping, its abort signal, its end. */
export interface ExecutingJob {
  stop: string | null;
  controller: AbortController;
  done: Promise<void>;
}

/** Stop every executing job for a server shutdown and wait until each has stopped. */
export async function shutdownAll(jobs: Iterable<ExecutingJob>): Promise<void> {
  const running = [...jobs];
  for (const j of running) {
    j.stop = 'shutdown';
    j.controller.abort();
  }
  await Promise.all(running.map((j) => j.done));
}

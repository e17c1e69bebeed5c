/**
 * A job's events (a run or an experiment) as server-sent events: the messages describing its state
 * now, then one message per event until an event is final or the client goes away; a comment line
 * every 15 s keeps an idle connection open through proxies.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

export interface SseMessage {
  event: string;
  data: unknown;
}

export interface JobStream<E> {
  /** Start listening; returns the function that stops listening. */
  subscribe: (listener: (e: E) => void) => () => void;
  /** What to send first: the job's state when the client connected. */
  initial: SseMessage[];
  /** The job had already ended when the client connected: send `initial` and close. */
  ended: boolean;
  message: (e: E) => SseMessage;
  /** The event after which the job sends nothing more. */
  isFinal: (e: E) => boolean;
}

const KEEP_ALIVE_MS = 15_000;

export function streamJobEvents<E>(c: Context, job: JobStream<E>): Response {
  return streamSSE(c, async (stream) => {
    const pending: E[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const idle = (): boolean => pending.length === 0 && !done;
    const unsubscribe = job.subscribe((e) => {
      pending.push(e);
      wake?.();
    });
    stream.onAbort(() => {
      done = true;
      wake?.();
    });
    const send = (m: SseMessage): Promise<void> => stream.writeSSE({ event: m.event, data: JSON.stringify(m.data) });
    try {
      for (const m of job.initial) await send(m);
      done ||= job.ended;
      while (!done) {
        if (pending.length === 0) {
          const timer = { id: undefined as ReturnType<typeof setTimeout> | undefined };
          await new Promise<void>((res) => {
            wake = res;
            timer.id = setTimeout(res, KEEP_ALIVE_MS);
          });
          clearTimeout(timer.id);
          wake = undefined;
          if (idle()) await stream.write(': keep-alive\n\n');
          continue;
        }
        const e = pending.shift()!;
        await send(job.message(e));
        if (job.isFinal(e)) done = true;
      }
    } finally {
      unsubscribe();
    }
  });
}

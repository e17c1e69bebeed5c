/** Messages between a KernelPool and its workers (structured-cloned; SharedArrayBuffers are shared). */

export interface BindMessage {
  type: 'bind';
  id: number;
  value: unknown;
}

export interface UnbindMessage {
  type: 'unbind';
  id: number;
}

export interface RunMessage {
  type: 'run';
  seq: number;
  url: string;
  name: string;
  args: unknown;
  start: number;
  end: number;
  /** −1 when the kernel takes no bound value. */
  boundId: number;
}

export type ToWorker = BindMessage | UnbindMessage | RunMessage;

/** Reply to a bind or run (seq echoes the request; bind replies use seq = −id − 1). */
export interface Reply {
  seq: number;
  error?: string;
}

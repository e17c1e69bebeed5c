/** A minimal unbounded async channel: producers push, one consumer iterates until close(). */
export class Channel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | undefined;
  private closed = false;
  private error: Error | undefined;

  push(item: T): void {
    if (this.closed) return;
    this.items.push(item);
    this.signal();
  }

  /** End the stream after the queued items; with an error, the consumer's loop throws it. */
  close(error?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    if (error !== undefined) this.error = error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error));
    this.signal();
  }

  private signal(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.items.length > 0) {
        yield this.items.shift()!;
        continue;
      }
      if (this.closed) {
        if (this.error !== undefined) throw this.error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
}

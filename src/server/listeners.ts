/**
 * Event listeners per job id (a run or an experiment): what the SSE streams subscribe to. A
 * listener that throws is reported through `report` and does not stop the others.
 */
export class Listeners<E> {
  private readonly byId = new Map<string, Set<(e: E) => void>>();

  constructor(private readonly report: (message: string) => void) {}

  /** Listen to one job's events; returns the function that stops listening. */
  subscribe(id: string, listener: (e: E) => void): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byId.delete(id);
    };
  }

  emit(id: string, e: E): void {
    for (const l of this.byId.get(id) ?? []) {
      try {
        l(e);
      } catch (err) {
        this.report(err instanceof Error ? err.message : String(err));
      }
    }
  }
}

// Tracks work in progress so a shutdown can wait for it.

export class InFlight {
  private readonly tasks = new Set<Promise<unknown>>();

  get size(): number {
    return this.tasks.size;
  }

  private readonly listeners = new Set<(key: number) => void>();

  /** Runs `task` and remembers it until it settles; listeners then hear `key` (an update id). */
  track<T>(task: Promise<T>, key?: number): Promise<T> {
    this.tasks.add(task);
    const forget = () => {
      this.tasks.delete(task);
      if (key !== undefined) for (const l of this.listeners) l(key);
    };
    task.then(forget, forget);
    return task;
  }

  /** Calls `listener` with the key of every tracked task that settles. Returns an unsubscribe function. */
  onSettled(listener: (key: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when everything tracked (including work started meanwhile) settled, or after `timeoutMs`. Returns whether all settled. */
  async idle(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.tasks.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => (timer = setTimeout(r, left)));
      await Promise.race([Promise.allSettled([...this.tasks]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}

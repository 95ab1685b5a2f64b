// Background work the server has started and not finished, by name: shutdown waits for it within
// its grace period, and past it logs what was still running.

export class PendingWork {
  private readonly running = new Map<number, string>();
  private readonly settled = new Set<() => void>();
  private nextId = 1;

  /** Tracks `task` under `label` until it settles; returns it unchanged. */
  track<T>(label: string, task: Promise<T>): Promise<T> {
    const id = this.nextId++;
    this.running.set(id, label);
    const done = (): void => {
      this.running.delete(id);
      if (this.running.size === 0) for (const resolve of this.settled) resolve();
    };
    task.then(done, done);
    return task;
  }

  /** Labels of the work still running, oldest first. */
  labels(): string[] {
    return [...this.running.values()];
  }

  /** Resolves once nothing is running. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const onIdle = (): void => {
        this.settled.delete(onIdle);
        resolve();
      };
      this.settled.add(onIdle);
    });
  }
}

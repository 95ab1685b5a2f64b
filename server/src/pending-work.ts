// Work the server has started and not finished (requests, rules runs), by name: shutdown waits for
// it within its grace period, and past it logs what was still running.

export class PendingWork {
  private readonly running = new Map<number, string>();
  private readonly idleWaiters = new Set<() => void>();
  private nextId = 1;
  /** Set when shutdown begins: responses from then on close their connection. */
  closing = false;

  /** Records work under `label`; call the returned function once it is over (twice is harmless). */
  begin(label: string): () => void {
    const id = this.nextId++;
    this.running.set(id, label);
    return () => {
      if (!this.running.delete(id) || this.running.size > 0) return;
      for (const resolve of this.idleWaiters) resolve();
      this.idleWaiters.clear();
    };
  }

  /** Tracks `task` under `label` until it settles; returns it unchanged. */
  track<T>(label: string, task: Promise<T>): Promise<T> {
    const end = this.begin(label);
    task.then(end, end);
    return task;
  }

  /** Labels of the work still running, oldest first. */
  labels(): string[] {
    return [...this.running.values()];
  }

  /** Resolves once nothing is running. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }
}

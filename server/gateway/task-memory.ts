const HOUR_MS = 60 * 60 * 1000;

export type TaskMemoryOptions = {
  now?: () => number;
  /** How long a task stays pollable after its PATCH answered. */
  ttlMs?: number;
  /** Past this many tasks the oldest is forgotten: memory stays bounded whatever the traffic. */
  max?: number;
};

/**
 * The task ids deployment PATCHes through this server answered with. Gcore's tasks belong to the
 * whole account and echo their input, so the gateway forwards `GET /cloud/v1/tasks/{id}` only for
 * these: the ones the dashboard itself is waiting on.
 */
export class TaskMemory {
  readonly #expiries = new Map<string, number>();
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #max: number;

  constructor(options: TaskMemoryOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#ttlMs = options.ttlMs ?? HOUR_MS;
    this.#max = options.max ?? 10_000;
  }

  /** A PATCH answer (`{"tasks": [id, …]}`, TaskIDsSerializer); anything else teaches nothing. */
  rememberAnswer(answer: unknown): void {
    if (typeof answer !== 'object' || answer === null || !('tasks' in answer)) return;
    const { tasks } = answer;
    if (!Array.isArray(tasks)) return;
    const expiry = this.#now() + this.#ttlMs;
    for (const id of tasks) {
      if (typeof id !== 'string') continue;
      this.#expiries.delete(id);
      this.#expiries.set(id, expiry);
    }
    for (const oldest of this.#expiries.keys()) {
      if (this.#expiries.size <= this.#max) break;
      this.#expiries.delete(oldest);
    }
  }

  knows(id: string): boolean {
    const expiry = this.#expiries.get(id);
    if (expiry === undefined) return false;
    if (this.#now() < expiry) return true;
    this.#expiries.delete(id);
    return false;
  }
}

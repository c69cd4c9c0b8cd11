import { randomUUID } from 'node:crypto';
import { type TaskOutcomeSpec, taskOutcomeSpecSchema } from '../../shared/sandbox-control-contract';
import { ArmedList } from '../faults/armed-list';
import { isoUtc, wholeSeconds } from './timestamps';

interface BoardTask {
  id: string;
  projectId: number;
  createdAt: number;
  /** How a test made it end instead of finishing, if it did. */
  armed: TaskOutcomeSpec | undefined;
  /** Applied once, when the task is first seen finished: Gcore changes nothing before that. */
  apply: (() => void) | null;
}

/**
 * Gcore's asynchronous tasks, on the sandbox's clock: NEW for the first third of `durationMs`,
 * RUNNING until it has passed, then FINISHED (and applied) or ERROR (and not applied).
 */
export class TaskBoard {
  #tasks = new Map<string, BoardTask>();
  #outcomes = new ArmedList(taskOutcomeSpecSchema);

  constructor(
    private readonly now: () => Date,
    private readonly durationMs: number,
  ) {}

  start(projectId: number, deployment: string, apply: () => void): string {
    const armed = this.#outcomes.claim((a) => (a.deployment ?? deployment) === deployment);
    const task = { id: randomUUID(), projectId, createdAt: this.now().getTime(), armed, apply };
    this.#tasks.set(task.id, task);
    return task.id;
  }

  arm(spec: TaskOutcomeSpec): void {
    this.#outcomes.arm(spec);
  }

  settle(): void {
    for (const task of this.#tasks.values()) this.#stateOf(task);
  }

  get(id: string) {
    const task = this.#tasks.get(id);
    if (!task) return undefined;
    const state = this.#stateOf(task);
    const iso = (ms: number) => isoUtc(wholeSeconds(ms));
    const finishedAt = task.createdAt + this.durationMs;
    return {
      id: task.id,
      task_type: 'update_inference_instance',
      state,
      user_id: 1,
      project_id: task.projectId,
      created_on: iso(task.createdAt),
      updated_on: iso(Math.min(this.now().getTime(), finishedAt)),
      finished_on: state === 'FINISHED' || state === 'ERROR' ? iso(finishedAt) : null,
      error: state === 'ERROR' ? (task.armed?.error ?? 'Deployment update failed.') : null,
    };
  }

  clear(): void {
    this.#tasks.clear();
    this.#outcomes.clear();
  }

  #stateOf(task: BoardTask) {
    const age = this.now().getTime() - task.createdAt;
    if (task.armed?.outcome === 'never' || age < this.durationMs) {
      return age < this.durationMs / 3 ? 'NEW' : 'RUNNING';
    }
    if (task.armed?.outcome === 'error') return 'ERROR';
    task.apply?.();
    task.apply = null;
    return 'FINISHED';
  }
}

import type { ReactiveControllerHost } from 'lit';

export type RunStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface LatestRunOptions<T> {
  /** The work; `signal` aborts when a newer run starts. */
  task(signal: AbortSignal): Promise<T>;
  onComplete?(value: T): void;
  onError?(error: unknown): void;
}

/**
 * Async work whose latest run alone counts: a new run aborts the one before, and only the latest
 * run's value, error and status reach the host, which updates when it starts and when it ends.
 * What `@lit/task` does for us, in the few lines we use of it.
 */
export class LatestRun<T> {
  status: RunStatus = 'initial';
  /** The latest run's value; undefined while none has completed, or when the latest failed. */
  value?: T;
  #controller?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LatestRunOptions<T>,
  ) {}

  async run(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.status = 'pending';
    this.host.requestUpdate();
    let value: T | undefined;
    let failed = false;
    try {
      value = await this.options.task(controller.signal);
    } catch (error) {
      if (controller !== this.#controller) return;
      failed = true;
      this.options.onError?.(error);
    }
    if (controller !== this.#controller) return;
    if (!failed) this.options.onComplete?.(value as T);
    this.value = value;
    this.status = failed ? 'error' : 'complete';
    this.host.requestUpdate();
  }
}

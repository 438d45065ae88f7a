/**
 * A module an element loads on first need (its data path, cards, thread), shared by every
 * instance: loaded once, then at hand synchronously, so later elements render in the same update.
 * A failed load (offline, a deploy replaced the chunk) is forgotten, so the next need tries again.
 */
export class LazyModule<T> {
  /** The module, once loaded. */
  value?: T;
  private loading?: Promise<T>;
  private readonly importer: () => Promise<T>;

  constructor(importer: () => Promise<T>) {
    this.importer = importer;
  }

  load(): Promise<T> {
    return (this.loading ??= this.importer().then(
      (module) => (this.value = module),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    ));
  }
}

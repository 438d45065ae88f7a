/**
 * Lenient reading of publishers' data: a malformed optional field is left out and noted, so one
 * sloppy date or image never costs a reader the article. Required data missing or wrong still
 * fails with `LedeError`. Readers take a `DropLog`; the element reports what it collected once
 * per load (`reportDropped`).
 * Pure: no DOM, runs in Node.
 * @module
 */
import { LedeError } from './errors.js';

/** One field a reader left out, and why. */
export interface DroppedField {
  /** Where the field was, as a path in the input: `dateModified`, `authors[1].image`, `items[3].link`. */
  readonly field: string;
  /** Why, in a sentence for developers: `"dateModified" must be a date…`. */
  readonly reason: string;
}

/** Collects the fields a lenient reader dropped while reading one document. */
export class DropLog {
  readonly fields: DroppedField[] = [];

  drop(field: string, reason: string): void {
    this.fields.push({ field, reason });
  }

  /**
   * Reads an optional field with `read`. When it finds the value malformed (`LedeError`
   * `invalid-data`), the field is noted and left out; any other error is not the field's fault and
   * goes on up.
   */
  optional<T>(field: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof LedeError) || error.code !== 'invalid-data') throw error;
      this.drop(field, error.message);
      return undefined;
    }
  }
}

// Statistics and the printed table: every figure beside its same-run baseline and its budget.

/**
 * One printed line. `ok` is undefined for figures printed for information only.
 * @typedef {object} Row
 * @property {string} figure
 * @property {string} value
 * @property {string} [baseline]
 * @property {string} [budget]
 * @property {boolean} [ok]
 * @property {string} [note]
 */

/**
 * @param {number[]} values
 * @param {number} fraction 0.5 for the median, 0.9 for p90.
 */
export function quantile(values, fraction) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}

/** @param {number} bytes */
export const kB = (bytes) => `${Number((bytes / 1000).toFixed(2))} kB`;

/** @param {number} ms */
export const ms = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

const columns = /** @type {const} */ (['figure', 'value', 'baseline', 'budget']);

/**
 * Prints sections of rows as one aligned table.
 * @param {{ title: string, rows: Row[] }[]} sections
 */
export function printTable(sections) {
  const all = sections.flatMap((section) => section.rows);
  const widths = columns.map((column) => Math.max(column.length, ...all.map((row) => (row[column] ?? '').length)));
  const line = (/** @type {string[]} */ cells, /** @type {string} */ mark, /** @type {string} */ note) =>
    `  ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ')}  ${mark}${note ? `  ${note}` : ''}`.trimEnd();
  for (const section of sections) {
    console.log(`\n${section.title}`);
    console.log(line([...columns], ' ', ''));
    for (const row of section.rows) {
      const mark = row.ok === undefined ? '·' : row.ok ? '✓' : '✗';
      console.log(
        line(
          columns.map((column) => row[column] ?? ''),
          mark,
          row.note ?? '',
        ),
      );
    }
  }
}

import { ConfigError } from './values.js';

const DAY_MS = 86_400_000;

/** LEDE_CLOSE_AFTER: days after a thread opens that it closes by itself (`30`, `30d`); unset or `off`: never. */
export function parseCloseAfter(value: string | undefined): number | null {
  if (!value || value.trim() === 'off') return null;
  const match = /^\s*(\d+)\s*d?\s*$/.exec(value);
  const days = Number(match?.[1]);
  if (!match || days < 1 || days > 36_500) throw new ConfigError(`LEDE_CLOSE_AFTER must be a number of days (e.g. 30) or off; got "${value}".`);
  return days * DAY_MS;
}

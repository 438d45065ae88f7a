import type { Person } from '../model.js';
import { formatListToParts } from './format.js';

/**
 * People as a list in the locale's words ("A, B and C"), each name rendered by `render` (a link,
 * an avatar) and the joining words kept as text.
 */
export function listPeople<T>(people: readonly Person[], locale: string, render: (person: Person) => T): (T | string)[] {
  let index = 0;
  return formatListToParts(
    people.map((person) => person.name),
    locale,
  ).map((part) => (part.type === 'element' ? render(people[index++]!) : part.value));
}

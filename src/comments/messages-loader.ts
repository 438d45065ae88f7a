import { pickMessages } from '../shared/messages.js';
import { en, otherLanguages, type CommentsMessages } from './messages.js';

/** Loaded message tables by language, and the fetches under way. */
const tables: Record<string, Partial<CommentsMessages>> = {};
const loading: Record<string, Promise<unknown>> = {};

/**
 * The messages for `locale`; while its language's table is being fetched (the fetch starts here,
 * once), a promise that settles when it is in.
 */
export function loadMessages(locale: string): CommentsMessages | Promise<unknown> {
  const language = locale.split('-')[0]!;
  const load = otherLanguages[language];
  if (load && !tables[language]) {
    return (loading[language] ??= load().then(
      (module) => (tables[language] = module.default),
      // Without its table the language falls back to English.
      () => (tables[language] = {}),
    ));
  }
  return pickMessages({ en, ...tables }, locale);
}

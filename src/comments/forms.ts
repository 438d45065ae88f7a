import { characterCount, hasVisibleCharacter } from './comment-text.js';
import type { CommentsMessages } from './messages.js';
import { BODY_MAX, NAME_MAX, type FormErrors } from './templates.js';

/** Selectors for a comment in the thread, and for a form field by its id. */
export const at = (id: string) => `[data-id="${CSS.escape(id)}"]`;
export const fieldOf = (field: string, form: string) => `#${CSS.escape(`${field}-${form || 'top'}`)}`;
/** A submitted form's text field, trimmed. */
export const submitted = (event: SubmitEvent, name: string) => String(new FormData(event.target as HTMLFormElement).get(name) ?? '').trim();

/**
 * What is wrong with a comment form, by field (none set when all is well). Zero-width
 * characters, fillers or marks alone are no name and no comment; `notifyEmail` is null when the
 * reader asked for mail without a usable address.
 */
export function checkCommentForm(form: string, name: string, body: string, notifyEmail: string | null, messages: CommentsMessages): FormErrors {
  const errors: FormErrors = { form };
  if (!hasVisibleCharacter(name)) errors.name = messages.needName;
  else if (characterCount(name) > NAME_MAX) errors.name = messages.tooLong;
  if (!hasVisibleCharacter(body)) errors.body = messages.needBody;
  else if (characterCount(body) > BODY_MAX) errors.body = messages.tooLong;
  if (notifyEmail === null) errors.email = messages.needEmail;
  return errors;
}

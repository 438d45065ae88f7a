import { css } from 'lit';

/** The thread and its forms; the host box and heading are `shellStyles`. */
export const commentsStyles = css`
  :host {
    overflow-wrap: anywhere;
  }
  p {
    margin: 0 0 var(--_space-s);
  }
  .form {
    display: grid;
    gap: var(--_space-xs);
    margin-block: var(--_space-m);
  }
  label {
    font-weight: 600;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .notify {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
  }
  .notify label {
    font-weight: normal;
  }
  .field-error {
    color: var(--_color-danger);
  }
  .muted,
  .meta {
    color: var(--_color-muted);
  }
  .actions,
  .bar,
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  .bar {
    justify-content: space-between;
    border-block-end: 1px solid var(--_color-border);
    margin-block: var(--_space-m);
  }
  .meta strong {
    color: var(--_color-text);
  }
  .chunk {
    content-visibility: auto;
  }
  .comment,
  .more-replies {
    margin-inline-start: calc(var(--depth, 0) * var(--lede-comments-indent, 1.25rem));
  }
  .comment {
    padding-block: var(--_space-s);
    padding-inline-start: var(--_space-s);
    border-inline-start: 2px solid var(--_color-border);
    margin-block-end: var(--_space-s);
  }
  .comment > p:not(.meta) {
    font-family: var(--_font-body);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  .badge {
    color: var(--_color-accent);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding-inline: var(--_space-xs);
    font-weight: 600;
  }
  .verified {
    color: var(--lede-color-verified, var(--_color-accent));
    font-weight: 700;
  }
  .badge.role {
    color: var(--lede-color-staff, var(--_color-accent));
  }
  .moderation {
    display: contents;
  }
  .sign-in {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  .sign-in,
  .closed {
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .outbox {
    list-style: none;
    padding: 0;
  }
  /* Live threads: the button over new top-level comments, and comments that arrived while reading. */
  .new-comments {
    display: block;
    inline-size: 100%;
    margin-block-end: var(--_space-s);
    font-weight: 600;
  }
  .comment.new {
    border-inline-start-color: var(--_color-accent);
  }
  button[aria-pressed='true'] {
    background: var(--_color-text);
    color: var(--_color-surface);
  }
`;

import { css } from 'lit';

/**
 * The console's layout: queue tabs and filters above, the list beside the comment in context
 * (stacked on narrow screens). Logical properties only, so right-to-left pages mirror it.
 */
export const moderationStyles = css`
  :host {
    display: block;
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
  }

  header,
  .tabs,
  .filters,
  .bulk,
  .actions,
  .undo-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }

  header {
    justify-content: space-between;
    margin-block-end: var(--_space-m);
  }

  h1,
  h2,
  h3 {
    font-size: 1em;
    margin: 0;
  }

  h1 {
    font-size: 1.25em;
  }

  [role='tab'][aria-selected='true'] {
    border-color: var(--_color-accent);
    font-weight: bold;
  }

  .count {
    font-variant-numeric: tabular-nums;
    color: var(--_color-muted);
  }

  .filters {
    margin-block: var(--_space-m);
  }

  label {
    display: inline-flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }

  .columns {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: var(--_space-m);
  }

  @media (max-width: 48rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  [role='listbox'] {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    max-block-size: 70vh;
    overflow-y: auto;
  }

  /* Offscreen comments skip layout and paint until scrolled near (they stay in the accessibility
     tree): a queue of hundreds lays out as fast as one screenful. */
  .option {
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 5.5em;
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid var(--_color-border);
    border-inline-start: 4px solid transparent;
    cursor: pointer;
  }

  .option time {
    float: inline-end;
  }

  .option.active {
    background: var(--_color-surface-raised);
    border-inline-start-color: var(--_color-accent);
  }

  .option[aria-selected='true'] {
    border-inline-start-color: var(--_color-link);
  }

  .option[aria-selected='true'] .who::before {
    content: '✓ ';
  }

  .excerpt,
  .why {
    display: block;
  }

  .why,
  time,
  .meta,
  .thread {
    color: var(--_color-muted);
  }

  .badge {
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding-inline: var(--_space-xs);
    font-size: 0.85em;
  }

  .detail {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }

  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: var(--_font-body);
    font-size: var(--_font-size);
  }

  blockquote {
    margin: 0;
    padding-inline-start: var(--_space-m);
    border-inline-start: 3px solid var(--_color-border);
    color: var(--_color-muted);
  }

  .act-approve {
    border-color: var(--_color-link);
  }

  .act-delete,
  .act-ban {
    color: var(--_color-danger);
  }

  .bulk,
  .undo-bar {
    padding: var(--_space-s) var(--_space-m);
    background: var(--_color-surface-raised);
    border-radius: var(--_radius);
    margin-block-end: var(--_space-s);
  }

  .sign-in {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    max-inline-size: 20rem;
  }

  dialog {
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  dl > div {
    display: flex;
    gap: var(--_space-m);
  }

  dt {
    min-inline-size: 6rem;
  }

  dd {
    margin: 0;
  }

  kbd {
    font-family: inherit;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding-inline: var(--_space-xs);
  }

  .thread-controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    margin-block: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .audit-entries {
    padding-inline-start: var(--_space-m);
  }

  .audit-entries time {
    color: var(--_color-muted);
  }
`;

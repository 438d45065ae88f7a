import type { Story } from '../model.js';

/**
 * Fired by `<lede-related>` when a reader activates a story link, before the browser follows it.
 * Cancelable: `preventDefault()` keeps the browser from following the link (a single-page app
 * routing it itself). Bubbles; does not cross shadow roots.
 */
export class LedeStoryClickEvent extends Event {
  static readonly eventName = 'lede-story-click';
  readonly story: Story;
  /** The story's place in the list as shown, from 1. */
  readonly position: number;

  constructor(story: Story, position: number) {
    super(LedeStoryClickEvent.eventName, { bubbles: true, cancelable: true });
    this.story = story;
    this.position = position;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-story-click': LedeStoryClickEvent;
  }
}

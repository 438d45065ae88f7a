import { useState } from 'react';
// Each import registers its element.
import 'lede-elements/article.js';
import 'lede-elements/related.js';
import { article, stories } from './data.js';

export function App() {
  const [opened, setOpened] = useState<string>();
  return (
    <main>
      {/* Objects go in as properties; on<event-name> listens for Lede's events (React 19). */}
      <lede-article article={article} onlede-error={(event) => console.warn(event.error.code, event.error.message)} />
      <lede-related
        stories={stories}
        current-url={article.url}
        layout="grid"
        onlede-story-click={(event) => {
          event.preventDefault(); // the app routes instead of the browser following the link
          setOpened(`${event.position}. ${event.story.title}`);
        }}
      />
      {opened && <p role="status">Opened story {opened}</p>}
    </main>
  );
}

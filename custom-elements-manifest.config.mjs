// The analyzer guesses event names from `dispatchEvent(new LedeErrorEvent(error))` as "error".
// The real names are in each element's @fires tags; this keeps those and gives them the class
// as their type (LedeErrorEvent → lede-error).
const eventNameOf = (className) =>
  className
    .replace(/Event$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
    {
      name: 'lede-typed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            const guessed = declaration.events.filter((event) => !event.description && event.type);
            declaration.events = declaration.events
              .filter((event) => event.description || !event.type)
              .map((event) => {
                const match = guessed.find((guess) => eventNameOf(guess.type.text) === event.name);
                return match ? { ...event, type: match.type } : event;
              });
          }
        }
      },
    },
  ],
};

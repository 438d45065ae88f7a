// The analyzer guesses event names from `dispatchEvent(new LedeErrorEvent(error))` as "error", and
// sees no event at all behind a helper (`reportError(this, error)`). The real names are in each
// element's @fires tags; this keeps those and gives each the class declared for it as its type
// (lede-error → LedeErrorEvent), which the framework typings (scripts/generate-types.mjs) use.
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
        const eventClasses = new Map();
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.kind === 'class' && declaration.name.endsWith('Event')) {
              eventClasses.set(eventNameOf(declaration.name), { name: declaration.name, module: module.path });
            }
          }
        }
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events
              .filter((event) => event.description || !event.type)
              .map((event) => {
                const eventClass = eventClasses.get(event.name);
                return eventClass ? { ...event, type: { text: eventClass.name, references: [eventClass] } } : event;
              });
          }
        }
      },
    },
  ],
};

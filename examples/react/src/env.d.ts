/// <reference types="vite/client" />
// Every <lede-*> element in JSX, with typed properties and on<event-name> handlers.
/// <reference types="lede-elements/types/react" />

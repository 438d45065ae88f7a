/// <reference types="vite/client" />
// Every <lede-*> element in templates, with typed properties and events (checked by vue-tsc).
/// <reference types="lede-elements/types/vue" />

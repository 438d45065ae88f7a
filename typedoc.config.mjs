import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'Lede',
  entryPoints: [
    'src/index.ts',
    'src/article.ts',
    'src/byline.ts',
    'src/credits.ts',
    'src/related.ts',
    'src/comments.ts',
    'src/moderation.ts',
    'src/article-text.ts',
    'src/model.ts',
  ],
  out: 'docs/api',
  tsconfig: 'tsconfig.build.json',
  readme: 'README.md',
  projectDocuments: ['docs/*.md'],
  excludePrivate: true,
  excludeInternal: true,
  // LitElement's own API is documented by Lit: link its types there rather than copying them.
  externalSymbolLinkMappings: {
    '@lit/reactive-element': { '*': 'https://lit.dev/docs/api/ReactiveElement/' },
    'lit-element': { '*': 'https://lit.dev/docs/api/LitElement/' },
    'lit-html': { '*': 'https://lit.dev/docs/api/templates/' },
  },
  // No public repository URL yet, so no source links.
  disableSources: true,
  treatWarningsAsErrors: true,
  // The custom-element tags that custom-elements.json reads; TypeDoc shows them as text.
  // docs/frameworks.md shows Vue, Svelte and Astro components.
  highlightLanguages: [...OptionDefaults.highlightLanguages, 'vue', 'svelte', 'astro', 'http'],
  blockTags: [...OptionDefaults.blockTags, '@slot', '@csspart', '@cssprop', '@fires', '@tagname'],
  // The small interface the comment thread's parts see of the element: an implementation detail.
  intentionallyNotExported: ['CommentsHost', 'SessionHost'],
  validation: { notExported: true, invalidLink: true, notDocumented: false },
};

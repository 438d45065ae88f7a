import type { Article, Story } from 'lede-elements/model.js';

export const article: Article = {
  url: 'https://news.example/world/blinken-gaza',
  kicker: 'Latest developments',
  headline: 'Blinken seeks humanitarian pauses in Gaza',
  dek: "The U.S. Secretary of State met Israel's prime minister in Tel Aviv.",
  authors: [{ name: 'Michael Perry' }, { name: 'Angus MacSwan' }],
  dateline: 'TEL AVIV',
  datePublished: '2023-11-03',
  body: [
    { type: 'paragraph', text: 'U.S. Secretary of State Antony Blinken has arrived in Tel Aviv.' },
    { type: 'quote', text: 'It hits me in the gut.', cite: 'Antony Blinken' },
    { type: 'paragraph', text: "Blinken is scheduled to meet Jordan's Foreign Minister on Saturday." },
  ],
};

export const stories: Story[] = [
  { url: '/world/rafah-crossing', title: 'Aid trucks wait at the Rafah crossing', section: 'World' },
  { url: '/world/amman-talks', title: 'Arab ministers press for a ceasefire in Amman', section: 'World' },
  { url: '/opinion/diplomacy', title: 'What shuttle diplomacy can still achieve', section: 'Opinion' },
];

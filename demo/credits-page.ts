/**
 * The credit-line playground: a designer pastes a line and sees `parseCredits` read it live, in
 * `<lede-byline>`, through `formatCredits` and as JSON.
 */
import { LedeByline, formatCredits, parseCredits } from '../src/index.js';
import { byId } from './dom.js';

const samples: Record<string, string> = {
  'The seed article': byId('credit-line', HTMLTextAreaElement).value,
  Reuters:
    '(Reporting by Jonathan Saul in London; Additional reporting by Yuka Obayashi in TOKYO; Writing by Simon Lewis; Editing by Alex Richardson and Jan Harvey)',
  'Reuters, no separators': '(Reporting by Nidal al-Mughrabi in Gaza and Dan Williams Writing by Michael Perry Editing by Andrew Cawthorne)',
  'AP contributors': 'Associated Press writers Aamer Madhani in Washington and Josef Federman in Jerusalem contributed to this report.',
  'Places with commas':
    'Reporting by David Shepardson in Washington, D.C., Tim Reid in Springfield, Illinois and Wendell Roelf in Cape Town, South Africa; Editing by Leslie Adler',
  'NYT-style': 'Isabel Kershner reported from Jerusalem, and Patrick Kingsley from Tel Aviv. Research was contributed by Susan C. Beachy.',
  'AFP, organisations, sources':
    'By Aamer Madhani. Additional reporting by AFP bureaus and Reuters reporters. Photos by Tom Lee/Reuters. (Sources: company reports, LSEG data)',
};

const input = byId('credit-line', HTMLTextAreaElement);
const select = byId('samples', HTMLSelectElement);
const language = byId('credits-lang', HTMLSelectElement);
const byline = byId('credits-byline', LedeByline);
const preview = byId('credits-preview', HTMLElement);

for (const name of Object.keys(samples)) select.add(new Option(name, name));

function update(): void {
  const locale = language.value;
  const start = performance.now();
  const typed = input.value;
  const credits = parseCredits(typed);
  const elapsed = performance.now() - start;
  preview.lang = locale;
  preview.dir = locale === 'ar' ? 'rtl' : 'ltr';
  byline.credits = credits;
  byId('formatted', HTMLElement).textContent = formatCredits(credits, locale) || '(no one credited)';
  byId('formatted', HTMLElement).lang = locale;
  byId('parsed-json', HTMLElement).textContent = JSON.stringify(credits, null, 2);
  byId('parse-status', HTMLElement).textContent = `${credits.length} ${credits.length === 1 ? 'credit' : 'credits'}, read in ${elapsed.toFixed(2)} ms.`;
}

input.addEventListener('input', update);
language.addEventListener('change', update);
select.addEventListener('change', () => {
  const sample = samples[select.value];
  if (sample) {
    input.value = sample;
    update();
  }
});
update();

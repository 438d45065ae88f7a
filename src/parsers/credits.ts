/**
 * `parseCredits`: free-text credit lines ("(Reporting by A in Gaza; Editing by B)", "X contributed
 * to this report.") into structured `Credit`s.
 *
 * A tokenizer turns the text into words and punctuation in one pass; a scanner then walks the
 * tokens once, cutting them into clauses at role phrases ("reporting by", "written by") and at
 * clause ends (`.`, `;`, brackets, line breaks), and reads each clause as a list of names. No
 * regular expression runs over the whole text, so time stays linear in its length.
 * Pure: no DOM, safe in Node.
 * @module
 */
import type { Credit, CreditRole } from '../model.js';

interface Token {
  /** The word as written, or the punctuation character. */
  text: string;
  /** Lower case, for matching. */
  key: string;
  word: boolean;
}

/** Words that name a role when followed by "by", "from" or ":". */
const roleWords: Record<string, CreditRole> = {};
for (const [role, words] of [
  ['reporting', 'reporting reported'],
  ['writing', 'writing written wrote story words text'],
  ['editing', 'editing edited editor editors'],
  ['compiling', 'compiling compiled'],
  ['contributing', 'contributing contributed contributions contributors produced production'],
  ['photography', 'photos photo photography photographs photographed pictures images'],
  ['graphics', 'graphics graphic design designed illustration illustrations'],
  ['video', 'video videos'],
  ['research', 'research researched fact-checking'],
  ['translation', 'translation translated'],
] as const) {
  for (const word of words.split(' ')) roleWords[word] = role;
}

const set = (words: string) => new Set(words.split(' '));
/** A period after these belongs to the word ("Jr.", "Calif."), not to the sentence. */
const abbreviations = set('jr sr st mt ft dr gen calif ill mass wash fla ariz colo conn tenn tex mich minn okla ont que');
/** Sentence openers that show a period after an abbreviation ("D.C. The …") also ends a sentence. */
const sentenceStarts = set('the this that it our all');
/** Job titles written before a name ("Reuters correspondent Jane Doe"), not part of it. */
const titles = set('writer writers reporter reporters correspondent correspondents journalist journalists photographer photographers editor editors staff producer producers columnist contributor contributors');
/** Words that make a credit a body rather than a person. */
const organizationWords = set('reuters afp ap bloomberg xinhua dpa efe ansa kyodo tass yonhap anadolu press agency agence bureau bureaus staff newsroom desk reporters correspondents wires team');
/** First words of two-word regions that follow a city after a comma ("Cape Town, South Africa"). */
const regionStarts = set('new north south east west united saudi sri hong puerto costa el rhode nova british');
/** Words that join names in a list. */
const joiners = set('and & / , with');
const suffixes = set('jr. sr. ii iii iv');

const letter = /[\p{L}\p{M}\p{N}]/u;
/** ASCII letters and digits without a regular expression: the tokenizer asks this for every character. */
function isLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return letter.test(char);
}
const isUpper = (text: string) => text !== text.toLowerCase();
const startsLower = (text: string) => text[0] !== text[0]!.toUpperCase();

/** Splits text into words and the punctuation that structures credits; other symbols are spaces. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (value: string, word: boolean) => tokens.push({ text: value, key: value.toLowerCase(), word });
  const length = text.length;
  let index = 0;
  while (index < length) {
    const char = text[index]!;
    if (isLetter(char)) {
      const start = index;
      // Apostrophes, hyphens and periods stay inside a word when a letter follows: O'Brien, al-Mughrabi, D.C.
      while (index < length && (isLetter(text[index]!) || ("'’-‐.".includes(text[index]!) && index + 1 < length && isLetter(text[index + 1]!)))) index++;
      let word = text.slice(start, index);
      let endsSentence = false;
      if (text[index] === '.' && (word.length === 1 || word.includes('.') || abbreviations.has(word.toLowerCase()))) {
        word += '.';
        index++;
        let next = index;
        while (text[next] === ' ') next++;
        let end = next;
        while (end < length && isLetter(text[end]!)) end++;
        endsSentence = next > index && sentenceStarts.has(text.slice(next, end).toLowerCase()) && isUpper(text[next]!);
      }
      push(word, true);
      if (endsSentence) push('.', false);
    } else if (',;.()[]&/:\n'.includes(char)) {
      push(char, false);
      index++;
    } else if ((char === '—' || char === '–' || char === '-') && text[index + 1] === ' ') {
      // A spaced dash ends a clause: "Editing by A - REUTERS" credits no editing to the agency's tag.
      push('.', false);
      index++;
    } else {
      index++;
    }
  }
  return tokens;
}

/** Title case for words written in capitals ("GAZA" → "Gaza"); abbreviations such as "D.C." stay. */
function unshout(word: string): string {
  return word.length > 2 && !word.includes('.') && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
}

const joinWords = (tokens: Token[]) => tokens.map((token) => token.text).join(' ');

/** One name of a list, with what followed it ("in Gaza") and what separated it from the last. */
interface Entry {
  name: Token[];
  location: Token[];
  /** The entry came after a bare comma, so it may continue the last entry's location. */
  afterComma: boolean;
}

/** Cuts a clause into entries at "," "and" "&" "/", and each entry's name from its "in"/"via" place. */
function splitEntries(tokens: Token[]): Entry[] {
  const entries: Entry[] = [];
  let current: Entry = { name: [], location: [], afterComma: false };
  let inLocation = false;
  let commaOnly = false;
  for (const token of tokens) {
    if (joiners.has(token.key)) {
      if (current.name.length > 0) entries.push(current);
      // ", and" is a plain list joiner; only a bare comma may continue a place ("Paris, France").
      commaOnly = current.name.length > 0 ? token.key === ',' : false;
      current = { name: [], location: [], afterComma: commaOnly };
      inLocation = false;
    } else if (token.word && (token.key === 'in' || token.key === 'via' || token.key === 'from') && current.name.length > 0) {
      inLocation = true;
    } else if (token.word) {
      (inLocation ? current.location : current.name).push(token);
    }
  }
  if (current.name.length > 0) entries.push(current);
  return entries;
}

/** A comma-separated piece that continues a place rather than naming someone: "D.C.", "Illinois", "South Africa". */
function continuesPlace(entry: Entry): boolean {
  const [first, second] = entry.name;
  if (!entry.afterComma || entry.location.length > 0 || !first || !isUpper(first.text[0]!) || organizationWords.has(first.key)) return false;
  return entry.name.length === 1 || (entry.name.length === 2 && regionStarts.has(first.key) && second !== undefined);
}

/** Reads one clause as the credits of `roles`. */
function readClause(tokens: Token[], roles: CreditRole[], add: (credit: Credit) => void): void {
  const read: Credit[] = [];
  let lastPlaced: Credit | undefined;
  // Names since the last one with a place: "C, D, E in Jerusalem" puts all three in Jerusalem.
  let unplaced: Credit[] = [];
  for (const entry of splitEntries(tokens)) {
    const previous = read[read.length - 1];
    if (previous && suffixes.has(entry.name[0]!.key) && entry.name.length === 1 && entry.location.length === 0) {
      previous.name += `, ${entry.name[0]!.text}`;
      continue;
    }
    if (lastPlaced && lastPlaced === previous && continuesPlace(entry)) {
      lastPlaced.location += `, ${entry.name.map((token) => unshout(token.text)).join(' ')}`;
      continue;
    }
    let name = entry.name;
    while (name[0]?.key === 'the' || name[0]?.key === 'by') name = name.slice(1);
    // Job titles before a name are dropped; a title with no name after it is a body ("Reuters reporters").
    let titleEnd = -1;
    name.forEach((token, index) => {
      if (titles.has(token.key)) titleEnd = index;
    });
    const titleOnly = titleEnd >= 0 && titleEnd === name.length - 1;
    if (titleEnd >= 0 && !titleOnly) name = name.slice(titleEnd + 1);
    const organization = titleOnly || name.some((token) => organizationWords.has(token.key));
    // A long run of words is prose that slipped into the clause, not a name; so is a run of lower case.
    if (name.length === 0 || name.length > 6 || name.every((token) => startsLower(token.text))) continue;
    const credit: Credit = { name: joinWords(name), roles: [...roles] };
    if (organization) credit.kind = 'organization';
    read.push(credit);
    const place = entry.location[0]?.key === 'the' ? entry.location.slice(1) : entry.location;
    if (place.length > 0) {
      credit.location = place.map((token) => unshout(token.text)).join(' ');
      for (const earlier of unplaced) earlier.location ??= credit.location;
      unplaced = [];
      lastPlaced = credit;
    } else {
      unplaced.push(credit);
    }
  }
  read.forEach(add);
}

/** What the scanner does with the words it is collecting: credit them with roles, wait, or drop them. */
type Mode = CreditRole[] | 'pending' | 'skip';

/** Words that may sit between role words before "by": "Reporting and writing by", "Research was contributed by". */
const roleGlue = set('and , & / was were is additional');

/** The roles a role phrase gives: its own, plus those named in the words just before it ("Reporting and writing by"). */
function phraseRoles(role: CreditRole, clause: Token[]): CreditRole[] {
  const named: CreditRole[] = [];
  for (const token of clause) {
    const word = roleWords[token.key];
    if (word) named.push(word);
  }
  if (clause[clause.length - 1]?.key === 'additional' && role === 'reporting') return ['additional-reporting'];
  // "Research was contributed by": the named role says what the contribution was.
  if (role === 'contributing' && named.length > 0) return [...new Set(named)];
  return [...new Set([...named, role])];
}

/**
 * Reads credit lines into contributors, in order of first mention, one entry per person with all
 * their roles. Never throws: anything it cannot read is left out.
 *
 * Reads the role phrases wire services and newspapers use ("Reporting by", "Additional reporting
 * by", "written by", "with editing by", "Compiled by", "Photos by", "X contributed to this
 * report.", "Contributing to this report were …", a leading "By"), names joined by "," "and" "&"
 * "/", places after "in" or "via" (a place after a group applies to the whole group), job titles
 * before names, and credits to bodies (`kind: 'organization'`). Source notes ("Sources: …") name
 * no one. See docs/credits.md for the full list.
 */
export function parseCredits(text: unknown): Credit[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const byName = new Map<string, Credit>();
  const add = (credit: Credit) => {
    const key = credit.name.toLowerCase();
    const known = byName.get(key);
    if (!known) {
      byName.set(key, credit);
      return;
    }
    for (const role of credit.roles) if (!known.roles.includes(role)) known.roles.push(role);
    known.location ??= credit.location;
  };

  const tokens = tokenize(text);
  let mode: Mode = 'pending';
  let clause: Token[] = [];
  const flush = (next: Mode) => {
    if (Array.isArray(mode)) readClause(clause, mode, add);
    clause = [];
    mode = next;
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if (!token.word) {
      if (token.text === ':' && mode === 'pending') {
        // "Reporting: A" names a role; any other label ("Sources: …") credits no one.
        const label = clause[clause.length - 1];
        const role = label ? roleWords[label.key] : undefined;
        flush(role ? phraseRoles(role, clause.slice(0, -1)) : 'skip');
      } else if (token.text === ',' || token.text === '&' || token.text === '/') {
        clause.push(token);
      } else if (token.text === ';') {
        // "Reporting by A in X; B in Y": the role goes on, a place after B is B's alone.
        flush(mode);
      } else {
        flush('pending');
      }
      continue;
    }
    const role = roleWords[token.key];
    const afterNames = token.key === 'contributed' || token.key === 'contributes' || token.key === 'reported';
    if (role && (next?.key === 'by' || (next?.key === 'from' && !afterNames))) {
      // "Reporting by", "includes reporting from", "Research was contributed by": role words just
      // before the phrase are part of it, not names of the clause before.
      let cut = clause.length;
      while (cut > 0 && (roleWords[clause[cut - 1]!.key] || roleGlue.has(clause[cut - 1]!.key))) cut--;
      const roles = phraseRoles(role, clause.slice(cut));
      clause.length = cut;
      flush(roles);
      index++;
    } else if (afterNames) {
      // After the names: "A and B contributed to this report", "A reported from Gaza, and B from Tel Aviv".
      if (mode === 'pending') mode = [role!];
      while (['to', 'this', 'report', 'reporting', 'the', 'story', 'article'].includes(tokens[index + 1]?.key ?? '')) index++;
      if (tokens[index + 1]?.key === 'from') clause.push({ text: 'in', key: 'in', word: true });
      else flush('skip');
    } else if (token.key === 'contributing' && next?.key === 'to') {
      // "Contributing to this report were A and B".
      flush(['contributing']);
      while (['to', 'this', 'report', 'the', 'story', 'article', 'were', 'was'].includes(tokens[index + 1]?.key ?? '')) index++;
    } else if (token.key === 'by' && clause.length === 0 && mode === 'pending') {
      mode = ['author'];
    } else {
      clause.push(token);
    }
  }
  flush('pending');
  return [...byName.values()];
}

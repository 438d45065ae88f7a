/**
 * `parseCredits`: free-text credit lines ("(Reporting by A in Gaza; Editing by B)", "X contributed
 * to this report.") into structured `Credit`s.
 *
 * A tokenizer turns the text into words and punctuation in one pass; a scanner then walks the
 * tokens once, cutting them into clauses at role phrases ("reporting by", "written by") and at
 * clause ends (`.`, `;`, brackets, line breaks), and reads each clause as a list of names. The
 * tokenizer's regular expression has no alternatives that can match the same text, so it never
 * backtracks far, and time stays linear in the text's length.
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

/**
 * Words that name a role when followed by "by", "from" or ":". One group a role, separated by
 * "|"; each group's first word is the role's name.
 */
const roleWords = new Map<string, CreditRole>();
for (const group of 'reporting reported|writing written wrote story words text|editing edited editor editors|compiling compiled|contributing contributes contributed contributions contributors produced production|photography photos photo photographs photographed pictures images|graphics graphic design designed illustration illustrations|video videos|research researched fact-checking|translation translated'.split(
  '|',
)) {
  const words = group.split(' ');
  for (const word of words) roleWords.set(word, words[0] as CreditRole);
}

const set = (words: string) => new Set(words.split(' '));
/** A period after these belongs to the word ("Jr.", "Calif."), not to the sentence. */
const abbreviations = set('jr sr st mt ft dr gen calif ill mass wash fla ariz colo conn tenn tex mich minn okla ont que');
/** Sentence openers that show a period after an abbreviation ("D.C. The …") also ends a sentence. */
const sentenceStarts = set('the this that it our all');
/** Job titles written before a name ("Reuters correspondent Jane Doe"), not part of it. */
const titles = set(
  'writer writers reporter reporters correspondent correspondents journalist journalists photographer photographers editor editors staff producer producers columnist contributor contributors',
);
/** Words that make a credit a body rather than a person. */
const organizationWords = set(
  'reuters afp ap bloomberg xinhua dpa efe ansa kyodo tass yonhap anadolu press agency agence bureau bureaus staff newsroom desk reporters correspondents wires team',
);
/** First words of two-word regions that follow a city after a comma ("Cape Town, South Africa"). */
const regionStarts = set('new north south east west united saudi sri hong puerto costa el rhode nova british');
/** Words that join names in a list. */
const joiners = set('and & / , with');
const suffixes = set('jr. sr. ii iii iv');

/**
 * A word (letters and digits, joined by apostrophes, hyphens or periods that a letter follows:
 * O'Brien, al-Mughrabi, D.C) with any period right after it; a mark that structures credits; or a
 * spaced dash. No two parts can match the same text, so the scan never backtracks far.
 */
const tokenPattern = /([\p{L}\p{M}\p{N}]+(?:['’\-‐.][\p{L}\p{M}\p{N}]+)*)(\.?)|[,;.()[\]&/:\n]|[—–-](?= )/gu;
/** The word after an abbreviation's period, to see whether it opens a sentence. */
const nextWord = / +([\p{L}\p{M}\p{N}]+)/uy;
const isUpper = (text: string) => text !== text.toLowerCase();
const startsLower = (text: string) => text[0] !== text[0]!.toUpperCase();

/** Splits text into words and the punctuation that structures credits; other symbols are spaces. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (value: string, word = false) => tokens.push({ text: value, key: value.toLowerCase(), word });
  for (const match of text.matchAll(tokenPattern)) {
    const [mark, word, period] = match;
    if (!word) {
      // A spaced dash ends a clause: "Editing by A - REUTERS" credits no editing to the agency's tag.
      push(',;.()[]&/:\n'.includes(mark) ? mark : '.');
    } else if (period && (word.length === 1 || word.includes('.') || abbreviations.has(word.toLowerCase()))) {
      // The period belongs to the word ("Jr.", "D.C."), and ends the sentence too when one starts after it.
      push(word + period, true);
      nextWord.lastIndex = match.index + mark.length;
      const next = nextWord.exec(text)?.[1];
      if (next && sentenceStarts.has(next.toLowerCase()) && isUpper(next[0]!)) push('.');
    } else {
      push(word, true);
      if (period) push('.');
    }
  }
  return tokens;
}

/** Title case for words written in capitals ("GAZA" → "Gaza"); abbreviations such as "D.C." stay. */
function unshout(word: string): string {
  return word.length > 2 && !word.includes('.') && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
}

/** Place words as written, with capitals toned down: "GAZA" → "Gaza". */
const placeName = (tokens: Token[]) => tokens.map((token) => unshout(token.text)).join(' ');

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
  for (const token of tokens) {
    const named = current.name.length > 0;
    if (joiners.has(token.key)) {
      if (named) entries.push(current);
      // ", and" is a plain list joiner; only a bare comma may continue a place ("Paris, France").
      current = { name: [], location: [], afterComma: named && token.key === ',' };
      inLocation = false;
    } else if (named && (token.key === 'in' || token.key === 'via' || token.key === 'from')) {
      inLocation = true;
    } else {
      (inLocation ? current.location : current.name).push(token);
    }
  }
  if (current.name.length > 0) entries.push(current);
  return entries;
}

/** Reads one clause as the credits of `roles`. */
function readClause(tokens: Token[], roles: CreditRole[], add: (credit: Credit) => void): void {
  const read: Credit[] = [];
  let lastPlaced: Credit | undefined;
  // Names since the last one with a place: "C, D, E in Jerusalem" puts all three in Jerusalem.
  let unplaced: Credit[] = [];
  for (const { name: words, location, afterComma } of splitEntries(tokens)) {
    const previous = read.at(-1);
    const first = words[0]!;
    const bare = words.length === 1 && location.length === 0;
    if (previous && bare && suffixes.has(first.key)) {
      previous.name += `, ${first.text}`;
      continue;
    }
    // A comma-separated piece that continues a place rather than naming someone: "D.C.", "Illinois", "South Africa".
    if (
      lastPlaced &&
      lastPlaced === previous &&
      afterComma &&
      location.length === 0 &&
      isUpper(first.text[0]!) &&
      !organizationWords.has(first.key) &&
      (words.length === 1 || (words.length === 2 && regionStarts.has(first.key)))
    ) {
      lastPlaced.location += `, ${placeName(words)}`;
      continue;
    }
    // One slice past the leading "the"s and "by"s: a slice per word made "By By By …" quadratic.
    let start = 0;
    while (words[start]?.key === 'the' || words[start]?.key === 'by') start++;
    let name = words.slice(start);
    // Job titles before a name are dropped; a title with no name after it is a body ("Reuters reporters").
    const titleEnd = name.findLastIndex((token) => titles.has(token.key));
    const titleOnly = titleEnd >= 0 && titleEnd === name.length - 1;
    if (!titleOnly) name = name.slice(titleEnd + 1);
    // A long run of words is prose that slipped into the clause, not a name; so is a run of lower case.
    if (name.length > 6 || name.every((token) => startsLower(token.text))) continue;
    const credit: Credit = { name: name.map((token) => token.text).join(' '), roles: [...roles] };
    if (titleOnly || name.some((token) => organizationWords.has(token.key))) credit.kind = 'organization';
    read.push(credit);
    const place = location[0]?.key === 'the' ? location.slice(1) : location;
    if (place.length > 0) {
      credit.location = placeName(place);
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
/** Words after "contributed" or "Contributing" before the names or place: "contributed to this report", "Contributing to this story were". */
const fillers = set('to this report reporting the story article were was');
/** Words that follow the names they credit: "A and B contributed to this report", "A reported from Gaza". */
const afterNames = set('contributed contributes reported');

/** The roles a role phrase gives: its own, plus those named in the words just before it ("Reporting and writing by"). */
function phraseRoles(role: CreditRole, clause: Token[]): CreditRole[] {
  if (clause.at(-1)?.key === 'additional' && role === 'reporting') return ['additional-reporting'];
  const named = clause.flatMap((token) => roleWords.get(token.key) ?? []);
  // "Research was contributed by": the named role says what the contribution was.
  return [...new Set(role === 'contributing' && named.length > 0 ? named : [...named, role])];
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
  if (typeof text !== 'string') return [];
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
    const key = token.key;
    const next = tokens[index + 1]?.key;
    const role = roleWords.get(key);
    const skipFillers = () => {
      while (fillers.has(tokens[index + 1]?.key ?? '')) index++;
    };
    if (!token.word) {
      if (key === ':' && mode === 'pending') {
        // "Reporting: A" names a role; any other label ("Sources: …") credits no one.
        const label = roleWords.get(clause.at(-1)?.key ?? '');
        flush(label ? phraseRoles(label, clause.slice(0, -1)) : 'skip');
      } else if (joiners.has(key)) {
        clause.push(token);
      } else {
        // "Reporting by A in X; B in Y": the role goes on, a place after B is B's alone.
        flush(key === ';' ? mode : 'pending');
      }
    } else if (role && (next === 'by' || (next === 'from' && !afterNames.has(key)))) {
      // "Reporting by", "includes reporting from", "Research was contributed by": role words just
      // before the phrase are part of it, not names of the clause before.
      let cut = clause.length;
      while (cut > 0 && (roleWords.has(clause[cut - 1]!.key) || roleGlue.has(clause[cut - 1]!.key))) cut--;
      flush(phraseRoles(role, clause.splice(cut)));
      index++;
    } else if (afterNames.has(key)) {
      // After the names: "A and B contributed to this report", "A reported from Gaza, and B from Tel Aviv".
      if (mode === 'pending') mode = [role!];
      skipFillers();
      if (tokens[index + 1]?.key === 'from') clause.push({ text: 'in', key: 'in', word: true });
      else flush('skip');
    } else if (key === 'contributing' && next === 'to') {
      // "Contributing to this report were A and B".
      flush(['contributing']);
      skipFillers();
    } else if (key === 'by' && clause.length === 0 && mode === 'pending') {
      mode = ['author'];
    } else {
      clause.push(token);
    }
  }
  flush('pending');
  return [...byName.values()];
}

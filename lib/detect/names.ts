/**
 * Names the document introduces, read from every sentence (claim or not), so later short forms
 * resolve: an acronym defined in brackets ("the Joint Chiefs of Staff (JCS)") and a person named
 * with a title ("Russian Deputy Foreign Minister Pavel Orekhov", later "Orekhov").
 */
import type { SourceType } from '../model';
import { guessSourceType, isOfficialRole, isRole, type PhraseWord } from './source-type';
import { isAllCaps, type Token } from './tokens';

/** A name the document defined itself: "the Joint Chiefs of Staff (JCS)" makes "JCS" mean it. */
export type LocalName = {
  /** The full name. */
  label: string;
  /** Its guessed type. */
  type: SourceType;
};

/** A person the document names with a title. */
export type TitledName = {
  /** The name without the title ("Pavel Orekhov"). */
  label: string;
  /** `official-person` for an office ("minister"), `other` for a profession ("analyst"). */
  type: SourceType;
  /** The title's role word ("minister"), what a later "the minister" refers back with. */
  role: string;
};


function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function words(tokens: readonly Token[], start: number, end: number): PhraseWord[] {
  const out: PhraseWord[] = [];
  for (let i = start; i < end; i += 1) {
    const t = tokens[i];
    if (t && t.word) out.push({ base: t.base, cap: t.cap, acronym: isAllCaps(t.text), possessive: t.lower !== t.base });
  }
  return out;
}

/**
 * Acronyms a sentence defines: "The Joint Chiefs of Staff (JCS)" → JCS = "Joint Chiefs of Staff".
 * The acronym's letters must be the initials of the name's capitalised words, in order.
 */
export function findLocalNames(text: string, tokens: readonly Token[]): ReadonlyMap<string, LocalName> {
  // Made on the first acronym: most sentences define none and share the empty map.
  let out: Map<string, LocalName> | null = null;
  for (let i = 2; i + 2 < tokens.length; i += 1) {
    const open = tokens[i];
    const acr = tokens[i + 1];
    const close = tokens[i + 2];
    if (open?.text !== '(' || close?.text !== ')' || !acr || !isAllCaps(acr.text) || acr.text.length > 8) continue;
    const letters = acr.text.replace(/[^A-Z]/g, '');
    // Read the name backwards, matching initials of capitalised words; small words may sit between.
    let k = letters.length - 1;
    let j = i - 1;
    let start = -1;
    while (j >= 0 && k >= 0 && i - j <= 12) {
      const t = tokens[j];
      if (!t || !t.word) break;
      if (t.cap) {
        if (t.text.charAt(0) !== letters.charAt(k)) break;
        k -= 1;
        start = j;
      } else if (!(t.lower === 'of' || t.lower === 'for' || t.lower === 'and' || t.lower === 'on' || t.lower === 'the')) {
        break;
      }
      j -= 1;
    }
    if (k >= 0 || start < 0) continue;
    const first = tokens[start];
    const last = tokens[i - 1];
    if (!first || !last) continue;
    (out ??= new Map()).set(acr.text, { label: normaliseSpace(text.slice(first.start, last.end)), type: guessSourceType(words(tokens, start, i)) });
  }
  return out ?? NO_LOCAL_NAMES;
}

const NO_LOCAL_NAMES: ReadonlyMap<string, LocalName> = new Map();

/**
 * People named after a title: "Deputy Foreign Minister Pavel Orekhov", "Regional Gov. Oleh
 * Marchenko", "analyst Maria Snegovaya". One pass; each title reads at most four name words.
 */
export function findTitledNames(text: string, tokens: readonly Token[]): TitledName[] {
  const out: TitledName[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t || !t.word) continue;
    // "The union's general secretary, Mick Lynch, said": the name may follow in commas.
    const commaName = tokens[i + 1]?.text === ',' && tokens[i + 2]?.cap === true;
    // No capitalised word next, no name: ruled out before the role lookup, which most words would fail anyway.
    if (!commaName && tokens[i + 1]?.cap !== true) continue;
    if (!isRole(t.base)) continue;
    const nameStart = commaName ? i + 2 : i + 1;
    let j = nameStart;
    while (j < tokens.length && j - nameStart < 4) {
      const u = tokens[j];
      if (!u || !u.word || !u.cap || isAllCaps(u.text) || isRole(u.base) || u.lower !== u.base) break;
      j += 1;
    }
    // A possessive name ends it too ("Minister Lavrov's visit"): count it in.
    const poss = tokens[j];
    if (poss && poss.word && poss.cap && poss.lower !== poss.base && j - nameStart < 4) j += 1;
    if (j === nameStart) continue;
    const first = tokens[nameStart];
    const last = tokens[j - 1];
    if (!first || !last) continue;
    const cut = last.end - (last.lower.length - last.base.length);
    out.push({ label: normaliseSpace(text.slice(first.start, cut)), type: isOfficialRole(t.base) ? 'official-person' : 'other', role: t.base });
    i = j - 1;
  }
  return out;
}

/**
 * Common given names whose gender is clear, for "he"/"she" agreement when the text gives no title
 * ("Margaret Holt said …. She added …"). A name not listed gives no gender; the list is deliberately
 * short and unambiguous (no "Jean", "Alex", "Kim", "Sasha").
 */
const FEMALE_NAMES: ReadonlySet<string> = new Set([
  'mary', 'patricia', 'jennifer', 'linda', 'elizabeth', 'barbara', 'susan', 'jessica', 'sarah', 'karen', 'lisa',
  'nancy', 'betty', 'margaret', 'sandra', 'ashley', 'kimberly', 'emily', 'donna', 'michelle', 'carol', 'amanda',
  'dorothy', 'melissa', 'deborah', 'stephanie', 'rebecca', 'sharon', 'laura', 'cynthia', 'kathleen', 'amy',
  'angela', 'shirley', 'anna', 'brenda', 'pamela', 'emma', 'nicole', 'helen', 'samantha', 'katherine', 'christine',
  'debra', 'rachel', 'carolyn', 'janet', 'catherine', 'maria', 'heather', 'diane', 'ruth', 'julie', 'olivia',
  'joyce', 'virginia', 'victoria', 'kelly', 'lauren', 'christina', 'joan', 'evelyn', 'judith', 'megan', 'andrea',
  'cheryl', 'hannah', 'jacqueline', 'martha', 'gloria', 'teresa', 'ann', 'sara', 'madison', 'frances', 'kathryn',
  'janice', 'abigail', 'alice', 'judy', 'sophia', 'grace', 'denise', 'amber', 'doris', 'marilyn', 'danielle',
  'beverly', 'isabella', 'theresa', 'diana', 'natalie', 'brittany', 'charlotte', 'marie', 'kayla', 'alexis', 'lori',
  'alicia', 'freya', 'ingrid', 'oksana', 'olena', 'olga', 'natalia', 'natalya', 'tatiana', 'tatyana', 'svetlana',
  'irina', 'yulia', 'elena', 'ekaterina', 'yekaterina', 'marina', 'anastasia', 'galina', 'ludmila', 'lyudmila',
  'halyna', 'iryna', 'kateryna', 'maryna', 'yuliia', 'marta', 'agnieszka', 'katarzyna', 'magdalena', 'anna',
  'ursula', 'angela', 'annalena', 'giorgia', 'francesca', 'chiara', 'giulia', 'sofia', 'lucia', 'carmen', 'pilar',
  'isabel', 'ana', 'beatriz', 'fernanda', 'claudia', 'marine', 'ségolène', 'segolene', 'amelie', 'camille',
  'fatima', 'aisha', 'ayesha', 'leila', 'layla', 'mariam', 'maryam', 'noor', 'zainab', 'yasmin', 'samira', 'priya',
  'anjali', 'sunita', 'indira', 'nirmala', 'kamala', 'hillary', 'nikki', 'nancy', 'kristi', 'kristin', 'liz',
  'theresa', 'jacinda', 'sanna', 'mette', 'kaja', 'ingrid', 'astrid', 'sigrid', 'greta', 'annika', 'birgit',
  'yoko', 'yuko', 'keiko', 'sanae', 'yuriko', 'mei', 'xiaoling', 'hye-jin', 'ji-yeon', 'min-ji', 'yo-jong',
  'margarethe', 'sinead', 'siobhan', 'aoife', 'niamh', 'eilidh', 'kirsty', 'fiona', 'gillian', 'alison', 'claire',
  'louise', 'joanna', 'lucy', 'harriet', 'rosie', 'sophie', 'chloe', 'ellie', 'holly', 'jade', 'zoe', 'mia',
]);

const MALE_NAMES: ReadonlySet<string> = new Set([
  'james', 'robert', 'john', 'michael', 'david', 'william', 'richard', 'joseph', 'thomas', 'charles', 'christopher',
  'daniel', 'matthew', 'anthony', 'mark', 'donald', 'steven', 'paul', 'andrew', 'joshua', 'kenneth', 'kevin', 'brian',
  'george', 'timothy', 'ronald', 'edward', 'jason', 'jeffrey', 'ryan', 'jacob', 'gary', 'nicholas', 'eric', 'jonathan',
  'stephen', 'larry', 'justin', 'scott', 'brandon', 'benjamin', 'samuel', 'gregory', 'frank', 'alexander', 'raymond',
  'patrick', 'jack', 'dennis', 'jerry', 'tyler', 'aaron', 'jose', 'adam', 'henry', 'nathan', 'douglas', 'zachary',
  'peter', 'kyle', 'walter', 'ethan', 'jeremy', 'harold', 'keith', 'christian', 'roger', 'noah', 'gerald', 'carl',
  'terry', 'sean', 'austin', 'arthur', 'lawrence', 'jesse', 'dylan', 'bryan', 'joe', 'jordan', 'billy', 'bruce',
  'albert', 'willie', 'gabriel', 'logan', 'alan', 'juan', 'wayne', 'roy', 'ralph', 'randy', 'eugene', 'vincent',
  'russell', 'elijah', 'louis', 'bobby', 'philip', 'johnny', 'tom', 'tim', 'jim', 'bob', 'bill', 'mike', 'dave',
  'martin', 'simon', 'graham', 'nigel', 'keir', 'rishi', 'boris', 'vladimir', 'dmitry', 'dmitri', 'sergei', 'sergey',
  'alexei', 'aleksei', 'alexey', 'andrei', 'andrey', 'mikhail', 'nikolai', 'ivan', 'igor', 'oleg', 'yuri', 'yury',
  'pavel', 'viktor', 'vitaly', 'vitali', 'volodymyr', 'oleksandr', 'oleksiy', 'mykhailo', 'andriy', 'serhiy', 'serhii',
  'ihor', 'vadim', 'vadym', 'denys', 'dmytro', 'petro', 'taras', 'bohdan', 'anton', 'maxim', 'maksym', 'ramzan',
  'yevgeny', 'evgeny', 'valery', 'valeriy', 'gennady', 'konstantin', 'leonid', 'grigory', 'arkady', 'kirill',
  'emmanuel', 'olaf', 'friedrich', 'jens', 'mark', 'pedro', 'giorgio', 'matteo', 'sergio', 'luigi', 'giuseppe',
  'antonio', 'francesco', 'marco', 'luis', 'carlos', 'miguel', 'javier', 'alejandro', 'jorge', 'fernando', 'diego',
  'pablo', 'andres', 'andrés', 'lula', 'jair', 'javier', 'recep', 'mustafa', 'mehmet', 'ahmet', 'ahmed', 'mohammed',
  'mohammad', 'muhammad', 'mahmoud', 'ali', 'hassan', 'hussein', 'omar', 'khalid', 'abdullah', 'ibrahim', 'yusuf',
  'benjamin', 'yair', 'yoav', 'itamar', 'bezalel', 'naftali', 'isaac', 'moshe', 'avi', 'narendra', 'rahul', 'amit',
  'rajnath', 'imran', 'shehbaz', 'nawaz', 'fumio', 'shigeru', 'shinzo', 'yoshihide', 'taro',
  'hiroshi', 'kenji', 'takeshi', 'haruto', 'jae-myung', 'suk-yeol', 'jong-un', 'joe', 'barack',
  'donald', 'marco', 'jd', 'pete', 'lloyd', 'antony', 'jake', 'rex', 'sergey', 'emil', 'lars', 'nils',
  'sven', 'erik', 'henrik', 'anders', 'mikael', 'jonas', 'lukas', 'tomas', 'tomasz', 'piotr', 'andrzej', 'krzysztof',
  'radoslaw', 'radosław', 'donald', 'viktor', 'aleksandar', 'milos', 'miloš', 'nikola', 'dev', 'derek', 'ken',
]);

/** The gender a person's given name shows ("Margaret Holt" → female), or null. */
export function genderOfName(label: string): 'male' | 'female' | null {
  const space = label.indexOf(' ');
  if (space <= 0) return null;
  const first = label.slice(0, space).toLowerCase();
  if (FEMALE_NAMES.has(first)) return 'female';
  if (MALE_NAMES.has(first)) return 'male';
  return null;
}

/**
 * A deterministic generator of long, realistic-looking English news text, for benchmarks (and for
 * the detector's equivalence test, which needs a big varied input that is the same on every run).
 *
 * Roughly one sentence in four is attributed, in the forms news uses: "X said", "according to X",
 * "X told Reuters", inverted ("…, said the ministry"), a quotation attributed once and continued over
 * sentences and paragraphs, registry outlets (KCNA, TASS, Yonhap) and names the registry does not
 * know, people introduced with a title and later named by surname or "he"/"she", acronyms defined in
 * brackets. The rest are plain sentences with no cue at all, as in real articles.
 *
 * The same paragraphs will also be wrapped in HTML for the browser benchmarks, so the generator
 * returns paragraphs, not one string.
 */

/** A seeded PRNG (mulberry32): same seed, same sequence, on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default seed, so every benchmark and test reads the same article. */
export const DEFAULT_SEED = 20240611;

const REGISTRY_OUTLETS = [
  'KCNA', 'TASS', 'Yonhap', 'Reuters', 'Xinhua', 'RIA Novosti', 'Interfax', 'the Associated Press', 'AFP',
  'Kyodo', 'Anadolu Agency', 'Ukrinform', 'the BBC', 'Al Jazeera', 'the Financial Times', 'Bloomberg',
  'Rodong Sinmun', 'the Global Times', 'Deutsche Welle', 'Sky News',
];
const PLATFORMS = ['Telegram', 'Facebook', 'YouTube', 'WeChat', 'Weibo', 'TikTok'];
const UNKNOWN_OUTLETS = [
  'the Baltic Courier', 'Radio Meridian', 'the Harbour Gazette', 'Nordpress', 'the Valley Observer', 'Channel Sever',
];
const BODIES = [
  'the ministry', 'the foreign ministry', 'the defence ministry', 'the Kremlin', 'the Pentagon', 'the White House',
  'the central bank', 'the state statistics office', 'the regional government', 'the company', 'the army',
  'police', 'the interior ministry', 'the energy regulator', 'the port authority', 'local authorities',
];
const ROLES = [
  'Foreign Minister', 'Deputy Prime Minister', 'Governor', 'spokesman', 'spokeswoman', 'analyst', 'economist',
  'Defence Minister', 'Mayor', 'Ambassador', 'chief executive', 'senior fellow',
];
const FIRST_NAMES = [
  'Pavel', 'Maria', 'Oleg', 'Yun', 'Sarah', 'Dmitry', 'Anna', 'Kenji', 'Li', 'Tomasz', 'Ingrid', 'Ahmed',
  'Elena', 'Javier', 'Min-jun', 'Fatima', 'Lars', 'Olena',
];
const LAST_NAMES = [
  'Orekhov', 'Snegovaya', 'Kozhemyako', 'Chen', 'Kowalczyk', 'Marchenko', 'Tanaka', 'Lindqvist', 'Haddad',
  'Moreno', 'Park', 'Novak', 'Petrenko', 'Okafor', 'Brandt', 'Sato', 'Ivanova', 'Reyes',
];
const GROUPS = [
  'officials', 'analysts', 'diplomats', 'residents', 'two people familiar with the matter',
  'a senior official who spoke on condition of anonymity', 'experts', 'local officials', 'investigators',
];
const ACRONYM_BODIES: readonly [string, string][] = [
  ['Joint Chiefs of Staff', 'JCS'],
  ['National Intelligence Service', 'NIS'],
  ['State Emergency Service', 'SES'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['National Bureau of Statistics', 'NBS'],
];
const PLACES = [
  'Pyongyang', 'Seoul', 'Moscow', 'Kyiv', 'Vladivostok', 'Beijing', 'Tokyo', 'Brussels', 'the border region',
  'the port city', 'the capital', 'the northern province', 'Kharkiv', 'Odesa', 'the coastal district',
];
const TIMES = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'last week', 'earlier this month', 'overnight'];

const CLAIM_CLAUSES = [
  'the two sides had reached a preliminary agreement on trade',
  'the talks would resume after the holiday',
  'more than 40 drones had been shot down over the region',
  'exports rose 7.4% in the first quarter',
  'the plant would be back in service by the end of the year',
  'the sanctions had no effect on the economy',
  'troops had withdrawn from two villages near the border',
  'the videos circulating online were fabricated',
  'the ceasefire was holding despite sporadic shelling',
  'inflation would slow to 4% next year',
  'the delegation had been denied entry at the airport',
  'the missile flew about 600 km before landing at sea',
  'hundreds of workers had been sent abroad in violation of sanctions',
  'the accusations were part of a smear campaign',
  'there had been no casualties among civilians',
  'the reactor was operating normally',
];
const QUOTES = [
  'We will not accept any conditions imposed from outside',
  'This marks our first visit following a protracted hiatus',
  'The situation remains difficult, but it is under control',
  'Nobody should doubt our determination to defend the country',
  'We are ready to talk, but not at any price',
  'Prices have already started to come down',
  'Our engineers worked through the night to restore power',
  'These claims are completely unfounded',
];
const QUOTE_CONTINUATIONS = [
  'The itinerary includes numerous talks aimed at fostering closer relations.',
  'We expect the first results within weeks.',
  'Every household will feel the difference by winter.',
  'There is no alternative to dialogue.',
  'The next months will decide a great deal.',
];
const PLAIN = [
  'The meeting took place in a hotel on the outskirts of {place}.',
  'Trade between the two countries has grown steadily over the past decade.',
  'The region has been hit by power cuts since the start of the winter.',
  'Shops in {place} reopened {time} after a week of closures.',
  'The bridge, built in 1974, carries most of the freight traffic to the coast.',
  'Fuel prices rose by a third in the twelve months to March.',
  'A nation that pays foreign labourers in cash would be breaking several international agreements.',
  'The last such visit was in 2019, before the pandemic closed the border.',
  'Heavy rain flooded parts of {place} {time}, cutting roads to several villages.',
  'The company employs about 12,000 people at three plants.',
  'Satellite images show new construction at the site since January.',
  'Mr. Park arrived in {place} on a regular flight at 9 a.m. local time.',
  'Negotiations over the pipeline have stalled for more than a year.',
  'The U.S. and its allies have imposed several rounds of restrictions.',
  'Primorye is another colloquial name for Primorsky.',
  'The stadium was built for the 2018 World Cup and has rarely been full since.',
  'Is the deal worth the risk? Few in {place} seem sure.',
  'Farmers in the north harvested less wheat than a year earlier.',
  'The talks were the third round this year (the first was held in February).',
  'Schools in {place} will stay closed until further notice.',
];

/** One entity introduced in the article, for later short references. */
type Person = { first: string; last: string; role: string };

/** The generator's state while writing one article. */
class Writer {
  private readonly rnd: () => number;
  private readonly people: Person[] = [];
  private openQuote = false;

  constructor(seed: number) {
    this.rnd = seededRandom(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }

  private chance(p: number): boolean {
    return this.rnd() < p;
  }

  private fill(s: string): string {
    return s.replace('{place}', this.pick(PLACES)).replace('{time}', this.pick(TIMES));
  }

  private person(): Person {
    if (this.people.length > 0 && this.chance(0.4)) return this.pick(this.people);
    const p = { first: this.pick(FIRST_NAMES), last: this.pick(LAST_NAMES), role: this.pick(ROLES) };
    this.people.push(p);
    if (this.people.length > 30) this.people.shift();
    return p;
  }

  private source(): string {
    const r = this.rnd();
    if (r < 0.3) return this.pick(REGISTRY_OUTLETS);
    if (r < 0.4) return this.pick(UNKNOWN_OUTLETS);
    if (r < 0.7) return this.pick(BODIES);
    return this.pick(GROUPS);
  }

  private cap(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** A sentence with an attribution, in one of the forms news uses. */
  private attributed(): string {
    const claim = this.pick(CLAIM_CLAUSES);
    const time = this.pick(TIMES);
    switch (Math.floor(this.rnd() * 12)) {
      case 0:
        return `${this.cap(this.source())} said ${time} that ${claim}.`;
      case 1:
        return `According to ${this.source()}, ${claim}.`;
      case 2: {
        const p = this.person();
        return `${p.first} ${p.last} told ${this.pick(REGISTRY_OUTLETS)} ${time} that ${claim}.`;
      }
      case 3:
        return `${this.cap(claim)}, said ${this.pick(BODIES)}.`;
      case 4: {
        const p = this.person();
        return `“${this.pick(QUOTES)},” ${p.role} ${p.first} ${p.last} said.`;
      }
      case 5: {
        const p = this.person();
        return `${p.last} posted on ${this.pick(PLATFORMS)} that ${claim}.`;
      }
      case 6:
        return `${this.cap(claim)}, ${this.pick(REGISTRY_OUTLETS)} reported, citing ${this.pick(GROUPS)}.`;
      case 7: {
        const [full, acr] = this.pick(ACRONYM_BODIES);
        return this.chance(0.5) ? `The ${full} (${acr}) said ${claim}.` : `The ${acr} claimed ${time} that ${claim}.`;
      }
      case 8:
        return `${this.cap(this.pick(GROUPS))} believe ${claim}, ${this.pick(REGISTRY_OUTLETS)} reported.`;
      case 9:
        return this.chance(0.5) ? `He said ${claim}.` : `She added that ${claim}.`;
      case 10:
        return `The agency said ${claim}.`;
      default:
        return `${this.cap(this.pick(BODIES))} denied that ${claim}.`;
    }
  }

  /** A sentence with no cue: background, a titled name in passing, or a quotation continuing. */
  private plain(): string {
    const r = this.rnd();
    if (r < 0.12) {
      const p = this.person();
      return `${p.role.charAt(0).toUpperCase() + p.role.slice(1)} ${p.first} ${p.last} arrived in ${this.pick(PLACES)} ${this.pick(TIMES)}.`;
    }
    if (r < 0.18) return `The visit was covered by ${this.pick(REGISTRY_OUTLETS)} and ${this.pick(UNKNOWN_OUTLETS)}.`;
    return this.fill(this.pick(PLAIN));
  }

  /** One paragraph: 1–5 sentences, or a quotation that runs on. */
  paragraph(): string {
    if (this.openQuote) {
      // The previous paragraph left a quotation open: this one reopens it, as news style does.
      this.openQuote = this.chance(0.3);
      return `“${this.pick(QUOTE_CONTINUATIONS)} ${this.pick(QUOTE_CONTINUATIONS)}${this.openQuote ? '' : '”'}`;
    }
    const r = this.rnd();
    if (r < 0.06) {
      // A long quotation attributed once, continued in the next sentence (and maybe paragraph).
      const p = this.person();
      this.openQuote = this.chance(0.5);
      return `“${this.pick(QUOTES)},” ${p.last} said. “${this.pick(QUOTE_CONTINUATIONS)}${this.openQuote ? '' : '”'}`;
    }
    if (r < 0.09) return `${this.cap(this.pick(BODIES))} said in a statement:`;
    const n = 1 + Math.floor(this.rnd() * 5);
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) out.push(this.chance(0.2) ? this.attributed() : this.plain());
    return out.join(' ');
  }
}

/**
 * Paragraphs of a generated news article totalling about `targetChars` characters (joined with
 * blank lines). Deterministic: the same `seed` and size always give the same paragraphs.
 */
export function generateParagraphs(targetChars: number, seed: number = DEFAULT_SEED): string[] {
  const writer = new Writer(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < targetChars) {
    const p = writer.paragraph();
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs;
}

/** A generated article as plain text: `generateParagraphs` joined by blank lines, as text extraction gives it. */
export function generateArticle(targetChars: number, seed: number = DEFAULT_SEED): string {
  return generateParagraphs(targetChars, seed).join('\n\n');
}

import { describe, expect, it, vi } from 'vitest';
import {
  ANCHOR_STRATEGIES,
  matchQuote,
  MAX_ERROR_RATE,
  preparePageText,
  type AnchorResult,
  type AnchorStrategy,
} from '../../../lib/anchor/match-quote';
import { buildSelectors } from '../../../lib/anchor/text-quote';
import type { TextPositionSelector, TextQuoteSelector } from '../../../lib/model';

const CLAIM =
  'The KCNA article stated that the two sides’ trade and economic working groups had reached a deal, but it omitted the specifics.';

const PRIMORYE = 'Primorye is another colloquial name for Primorsky.';

const ARTICLE = [
  'In the most recent meeting, a North Korean minister and the governor of Primorsky discussed cooperation, state agency KCNA said on Wednesday.',
  '“Elevating economic cooperation to a higher level” was the stated goal of the discussions.',
  CLAIM,
  PRIMORYE,
  'The meeting takes place as the Yonhap news agency reports that South Korea’s spy service said labourers may be sent to Russia.',
].join('\n\n');

/** The selectors the content script would store for `quote` (its first occurrence) in `text`. */
function stored(text: string, quote: string): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`fixture: "${quote}" not in the text`);
  const [q, position] = buildSelectors(text, start, start + quote.length);
  return { quote: q, position };
}

/** What a result covers in `text`, for readable expectations. */
function covered(text: string, result: AnchorResult): string | null {
  return result.status === 'orphan' ? null : text.slice(result.start, result.end);
}

type Case = {
  /** What happened to the page. */
  name: string;
  /** The page after the change. */
  page: string;
  /** The status expected. */
  status: AnchorResult['status'];
  /** The text the result must cover, or the orphan's reason. */
  expected: string;
};

const reworded = CLAIM.replace('had reached a deal', 'had reached an agreement');

const cases: Case[] = [
  { name: 'unchanged: exact at the stored position', page: ARTICLE, status: 'exact', expected: CLAIM },
  {
    name: 'text added above: moved',
    page: `Editor’s note: this story was updated.\n\n${ARTICLE}`,
    status: 'moved',
    expected: CLAIM,
  },
  {
    name: 'context edited, quote unique: moved',
    page: ARTICLE.replace('the stated goal of the discussions.', 'the aim.').replace('Primorye is another', 'Primorye, a'),
    status: 'moved',
    expected: CLAIM,
  },
  { name: 'a word changed: fuzzy', page: ARTICLE.replace(CLAIM, reworded), status: 'fuzzy', expected: reworded },
  {
    name: 'a few characters inserted: fuzzy',
    page: ARTICLE.replace('working groups', 'joint working groups'),
    status: 'fuzzy',
    expected: CLAIM.replace('working groups', 'joint working groups'),
  },
  {
    name: 'a few characters deleted: fuzzy',
    page: ARTICLE.replace(' and economic', ''),
    status: 'fuzzy',
    expected: CLAIM.replace(' and economic', ''),
  },
  {
    name: 'a word changed and the paragraph moved with the one after it: fuzzy',
    page: ARTICLE.replace(`${CLAIM}\n\n${PRIMORYE}\n\n`, '').concat(`\n\nA new paragraph.\n\n${reworded}\n\n${PRIMORYE}`),
    status: 'fuzzy',
    expected: reworded,
  },
  {
    name: 'a word changed and the paragraph moved into new surroundings: orphan (nothing corroborates it)',
    page: ARTICLE.replace(`${CLAIM}\n\n`, '').concat(`\n\nMore at the end.\n\n${reworded}`),
    status: 'orphan',
    expected: 'not-found',
  },
  {
    name: 'the first word changed: fuzzy, the whole new word is covered',
    page: ARTICLE.replace('The KCNA article stated', 'That KCNA article stated'),
    status: 'fuzzy',
    expected: CLAIM.replace('The KCNA', 'That KCNA'),
  },
  {
    name: 'rewritten beyond the bound: orphan',
    page: ARTICLE.replace(CLAIM, 'KCNA’s report said both sides’ commerce groups struck a bargain, but left out its terms.'),
    status: 'orphan',
    expected: 'not-found',
  },
  { name: 'paragraph removed: orphan', page: ARTICLE.replace(CLAIM, ''), status: 'orphan', expected: 'not-found' },
  {
    name: 'curly quotes straightened: exact',
    page: ARTICLE.replace('sides’', "sides'"),
    status: 'exact',
    expected: CLAIM.replace('sides’', "sides'"),
  },
  {
    name: 'a space became a no-break space: exact',
    page: ARTICLE.replace('economic working', 'economic\u00a0working'),
    status: 'exact',
    expected: CLAIM.replace('economic working', 'economic\u00a0working'),
  },
  {
    name: 'whitespace reflowed inside the quote (newline and double space): exact, the span grows',
    page: ARTICLE.replace('trade and economic', 'trade\n  and economic'),
    status: 'exact',
    expected: CLAIM.replace('trade and economic', 'trade\n  and economic'),
  },
  {
    name: 'a soft hyphen inserted: exact, the span keeps it',
    page: ARTICLE.replace('specifics', 'speci\u00adfics'),
    status: 'exact',
    expected: CLAIM.replace('specifics', 'speci\u00adfics'),
  },
];

describe('matchQuote', () => {
  const { quote, position } = stored(ARTICLE, CLAIM);

  it.each(cases)('$name', ({ page, status, expected }) => {
    const result = matchQuote(page, quote, position);
    expect(result.status).toBe(status);
    if (result.status === 'orphan') expect(result.reason).toBe(expected);
    else expect(covered(page, result)).toBe(expected);
  });

  it('reports the edits and a score below 1 for a fuzzy match, 1 and no edits for an exact one', () => {
    const fuzzy = matchQuote(ARTICLE.replace(CLAIM, reworded), quote, position);
    expect(fuzzy).toMatchObject({ status: 'fuzzy' });
    if (fuzzy.status !== 'fuzzy') return;
    expect(fuzzy.errors).toBeGreaterThan(0);
    expect(fuzzy.errors).toBeLessThanOrEqual(Math.floor(CLAIM.length * MAX_ERROR_RATE));
    expect(fuzzy.score).toBeGreaterThan(0.5);
    expect(fuzzy.score).toBeLessThan(1);
    expect(matchQuote(ARTICLE, quote, position)).toEqual({ status: 'exact', start: position.start, end: position.end, score: 1, errors: 0 });
  });

  it('finds the quote without a stored position', () => {
    const page = `Update.\n\n${ARTICLE.replace(CLAIM, reworded)}`;
    expect(covered(page, matchQuote(page, quote, null))).toBe(reworded);
  });

  it('accepts accents decomposed on the page (NFC), whether the quote moved or not', () => {
    const text = 'The minister, José Pérez, said the talks in Hà Nội went well, according to the agency.';
    const saved = stored(text, text);
    const page = text.normalize('NFD');
    const result = matchQuote(page, saved.quote, saved.position);
    expect(result.status).toBe('exact');
    expect(covered(page, result)).toBe(page);
    const moved = `Lead. ${page}`;
    const again = matchQuote(moved, saved.quote, saved.position);
    expect(again.status).toBe('moved');
    expect(covered(moved, again)).toBe(page);
  });

  it('accepts a quote stored before normalisation (raw whitespace and NBSP)', () => {
    const raw: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: CLAIM.replace('economic working', 'economic\u00a0 working'),
      prefix: 'the stated goal of the discussions.\n\n'.slice(-32),
      suffix: '\n\nPrimorye is another colloquial name',
    };
    expect(covered(ARTICLE, matchQuote(ARTICLE, raw, null))).toBe(CLAIM);
  });
});

describe('matchQuote with repeated text', () => {
  const quote = 'He said the talks had gone well and would continue next week.';
  const twice = [
    'The foreign minister spoke first, briefly, in Moscow.',
    quote,
    'Later the ambassador spoke, at length, in Seoul.',
    quote,
    'Nothing else was said.',
  ].join(' ');

  it('lets the context decide between copies', () => {
    const second = twice.lastIndexOf(quote);
    const [q, position] = buildSelectors(twice, second, second + quote.length);
    const page = `Breaking. ${twice}`;
    const result = matchQuote(page, q, position);
    expect(result).toMatchObject({ status: 'moved', start: second + 'Breaking. '.length });
  });

  it('lets the context decide between copies when the context was also edited', () => {
    const first = twice.indexOf(quote);
    const [q, position] = buildSelectors(twice, first, first + quote.length);
    const page = twice.replace('spoke first, briefly,', 'spoke first');
    expect(matchQuote(page, q, position)).toMatchObject({ status: 'moved', start: page.indexOf(quote) });
  });

  it('is an orphan when copies cannot be told apart by their context, even next to the stored position', () => {
    const block = `Intro. ${quote} Outro. `;
    const text = block.repeat(2);
    const [q, position] = buildSelectors(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
    // Shifted by one character: the stored position no longer matches, and the copies look alike.
    expect(matchQuote(` ${block.repeat(3)}`, q, position)).toEqual({ status: 'orphan', reason: 'ambiguous' });
  });

  it('is an orphan when an edited quote fits two edited copies equally well', () => {
    const text = `First. ${quote} Middle part of the story. ${quote} End.`;
    const start = text.indexOf(quote);
    const [q, position] = buildSelectors(text, start, start + quote.length);
    const edited = quote.replace('next week', 'in March');
    // Copies one and two have the same context; only their distance to the stored position differs.
    const page = `Other. ${edited} Different. `.repeat(3);
    expect(matchQuote(page, q, position)).toEqual({ status: 'orphan', reason: 'ambiguous' });
  });
});

describe('matchQuote when the sentence is gone but a look-alike remains', () => {
  it('does not move the annotation onto a sentence that differs only by its source, elsewhere', () => {
    const annotated = 'There had been no casualties among civilians, Kyodo reported, citing two people familiar with the matter.';
    const lookAlike = 'There had been no casualties among civilians, Al Jazeera reported, citing two people familiar with the matter.';
    const text = ['The stadium has rarely been full since.', annotated, 'He said exports rose 7.4% in the first quarter.', 'Rain fell.', lookAlike, 'The visit was covered by TASS.'].join('\n\n');
    const { quote, position } = stored(text, annotated);
    const page = text.replace(`${annotated}\n\n`, '');
    expect(matchQuote(page, quote, position)).toEqual({ status: 'orphan', reason: 'not-found' });
    // Edited in place instead, the same look-alike does not stop it re-attaching.
    const edited = text.replace(annotated, annotated.replace('Kyodo', 'Kyodo News'));
    expect(covered(edited, matchQuote(edited, quote, position))).toBe(annotated.replace('Kyodo', 'Kyodo News'));
  });
});

describe('matchQuote on a long page', () => {
  /** A 260 KB text of varied sentences (seeded), and 50 of its sentences stored. */
  function bigPage() {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const words = 'the minister said talks on trade and energy would resume after officials in Seoul Moscow and Tokyo reported progress with drones grain exports prices'.split(' ');
    const sentences: string[] = [];
    let length = 0;
    while (length < 260_000) {
      const count = 10 + Math.floor(next() * 20);
      const sentence = `${Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(' ')} ${sentences.length}.`;
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
      length += sentence.length + 1;
    }
    const text = sentences.join(' ');
    const picked = Array.from({ length: 50 }, (_, i) => sentences[Math.floor(((i + 0.5) * sentences.length) / 50)] ?? '');
    return { text, picked, stored: picked.map((p) => stored(text, p)) };
  }

  it('re-anchors 50 moved quotes, 5 of them changed, on a 260 KB page (speed is measured in npm run bench, not here)', () => {
    const { text, picked, stored: selectors } = bigPage();
    let page = `A new lead paragraph.\n\n${text}`;
    for (let i = 0; i < 50; i += 10) page = page.replace(picked[i] ?? '', (picked[i] ?? '').replace(' ', ' really '));
    const prepared = preparePageText(page);
    void prepared.matchable; // normalised once per page (run-page does it at scan time)
    const statuses = selectors.map(({ quote, position }) => matchQuote(prepared, quote, position).status);
    expect(statuses.filter((s) => s === 'moved')).toHaveLength(45);
    expect(statuses.filter((s) => s === 'fuzzy')).toHaveLength(5);
  });
});

describe('matchQuote with empty and short quotes', () => {
  const text = 'KCNA said so. Then TASS said so too. Yonhap did not comment on the report.';

  it.each([
    ['an empty quote', ''],
    ['a quote of whitespace only', ' \n\u00a0 '],
  ])('is an orphan (no-quote) for %s', (_name, exact) => {
    expect(matchQuote(text, { exact, prefix: '', suffix: '' }, null)).toEqual({ status: 'orphan', reason: 'no-quote' });
  });

  it('anchors a short quote exactly, with its context choosing among copies', () => {
    const second = text.indexOf('said so', 10);
    const [q, position] = buildSelectors(text, second, second + 'said so'.length);
    expect(matchQuote(`> ${text}`, q, position)).toMatchObject({ status: 'moved', start: second + 2 });
  });

  it('never matches a changed short quote approximately', () => {
    const { quote, position } = stored(text, 'did not comment');
    expect(matchQuote(text.replace('did not comment', 'did not respond'), quote, position)).toEqual({
      status: 'orphan',
      reason: 'not-found',
    });
  });

  it('is an orphan for a short quote repeated with the same context', () => {
    const page = 'x said so. x said so. x said so.';
    expect(matchQuote(page, { exact: 'said so', prefix: 'x ', suffix: '.' }, null)).toEqual({ status: 'orphan', reason: 'ambiguous' });
  });
});

describe('the strategies', () => {
  it('run in order: position, quote with context, quote, fuzzy', () => {
    expect(ANCHOR_STRATEGIES.map((s) => s.name)).toEqual(['position', 'quote-with-context', 'quote', 'fuzzy']);
  });

  it('stop at the first that decides', () => {
    const calls: string[] = [];
    const spy = (name: string, result: AnchorResult | null): AnchorStrategy => ({
      name,
      find: () => {
        calls.push(name);
        return result;
      },
    });
    const found: AnchorResult = { status: 'moved', start: 1, end: 2, score: 1, errors: 0 };
    const { quote, position } = stored(ARTICLE, CLAIM);
    expect(matchQuote(ARTICLE, quote, position, [spy('a', null), spy('b', found), spy('c', null)])).toBe(found);
    expect(calls).toEqual(['a', 'b']);
    expect(matchQuote(ARTICLE, quote, position, [spy('none', null)])).toEqual({ status: 'orphan', reason: 'not-found' });
  });

  it('never normalise the whole page when every quote is where it was', () => {
    const page = preparePageText(ARTICLE);
    const whole = vi.spyOn(page, 'matchable', 'get');
    for (const sentence of [CLAIM, 'Primorye is another colloquial name for Primorsky.']) {
      const { quote, position } = stored(ARTICLE, sentence);
      expect(matchQuote(page, quote, position).status).toBe('exact');
    }
    expect(whole).not.toHaveBeenCalled();
  });
});

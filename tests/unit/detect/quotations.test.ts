/**
 * Quotations over several sentences: a quotation attributed once carries its attribution into the
 * sentences that continue it, and only into those.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/detect/index';
import { analyseQuotes, CLOSED } from '../../../lib/detect/quotations';
import { tokenize } from '../../../lib/detect/tokens';

type Row = { sentence: string; label: string; carried: boolean };

function rows(text: string): Row[] {
  return detectClaims(text).map((c) => ({
    sentence: c.text,
    label: c.attributions[0]?.label ?? '',
    carried: c.attributions[0]?.carriedOver ?? false,
  }));
}

describe('quotation carry-over', () => {
  it.each<[string, string, Row[]]>([
    [
      'a second quoted sentence after the attribution',
      '“We are ready to talk,” Lavrov said. “But the West must stop arming Kyiv.”',
      [
        { sentence: '“We are ready to talk,” Lavrov said.', label: 'Lavrov', carried: false },
        { sentence: '“But the West must stop arming Kyiv.”', label: 'Lavrov', carried: true },
      ],
    ],
    [
      'a quotation whose attribution comes after its first sentence',
      '“We are ready. The West must listen,” Lavrov said.',
      [
        { sentence: '“We are ready.', label: 'Lavrov', carried: true },
        { sentence: 'The West must listen,” Lavrov said.', label: 'Lavrov', carried: false },
      ],
    ],
    [
      'a quotation tail whose opening mark was lost',
      '“This marks our first visit,” the governor posted on Telegram. The itinerary includes talks on sport.”',
      [
        { sentence: '“This marks our first visit,” the governor posted on Telegram.', label: 'Telegram', carried: false },
        { sentence: 'The itinerary includes talks on sport.”', label: 'Telegram', carried: true },
      ],
    ],
    [
      'a quotation in the paragraph after a colon',
      'The minister said:\n\n“We will win. Our people are strong.”',
      [
        { sentence: '“We will win.', label: 'minister', carried: true },
        { sentence: 'Our people are strong.”', label: 'minister', carried: true },
      ],
    ],
    [
      'a quotation over two paragraphs, the first left open',
      '“The first part of a long quotation goes on\n\n“and the second paragraph ends it,” said Peskov.',
      [
        { sentence: '“The first part of a long quotation goes on', label: 'Peskov', carried: true },
        { sentence: '“and the second paragraph ends it,” said Peskov.', label: 'Peskov', carried: false },
      ],
    ],
    [
      'a cue inside the quotation is the speaker’s, not the writer’s',
      '“We will respond. Our partners said they support us,” he said.',
      [
        { sentence: '“We will respond.', label: 'he', carried: true },
        { sentence: 'Our partners said they support us,” he said.', label: 'he', carried: false },
      ],
    ],
  ])('carries %s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['into an unquoted sentence', 'Lavrov said the talks failed. The weather was cold.', 1],
    ['across an unrelated paragraph', 'Smith said the plan failed.\n\nThe weather was cold.\n\n“Nobody came.”', 1],
    ['into a quotation of another paragraph without a colon or open quotation', 'Smith said the plan failed.\n\n“Nobody came.”', 1],
    ['from a sentence that is not a claim', 'The weather was cold. “Nobody came.”', 0],
  ])('does not carry %s', (_name, text, count) => {
    expect(detectClaims(text)).toHaveLength(count);
  });

  it('carries the original mention’s offsets and speaker, with no words or cue', () => {
    const text = '“We are ready,” Kozhemyako wrote on Telegram. “The talks start on Monday.”';
    const [first, second] = detectClaims(text);
    const a = second?.attributions[0];
    expect(a).toMatchObject({ sourceText: null, cue: null, cueStance: null, carriedOver: true, speaker: 'Kozhemyako' });
    expect(a?.start).toBe(first?.attributions[0]?.start);
    expect(a?.end).toBe(first?.attributions[0]?.end);
    expect(text.slice(a?.start ?? 0, a?.end ?? 0)).toBe('Telegram');
  });
});

describe('analyseQuotes', () => {
  function inside(text: string): string[] {
    const tokens = tokenize(text);
    const q = analyseQuotes(tokens, CLOSED);
    return tokens.filter((_, i) => q.inside[i]).map((t) => t.text);
  }

  it('marks the words between curly quotation marks', () => {
    expect(inside('He said “we won” today.')).toEqual(['we', 'won']);
  });

  it('marks the words between straight quotation marks', () => {
    expect(inside('He said "we won" today.')).toEqual(['we', 'won']);
  });

  it('treats a lone closing mark as the end of a quotation opened earlier', () => {
    const tokens = tokenize('the rest of it.” Then more.');
    const q = analyseQuotes(tokens, CLOSED);
    expect(q.unmatchedCloser).toBe(true);
    expect(tokens.filter((_, i) => q.inside[i]).map((t) => t.text)).toEqual(['the', 'rest', 'of', 'it', '.']);
  });

  it('closes German „…“ quotation marks', () => {
    expect(inside('Er sagte „wir gewinnen“ heute.')).toEqual(['wir', 'gewinnen']);
  });

  it('ignores single quotation marks, which double as apostrophes', () => {
    expect(inside('North Korea‘s minister said ‘no’.')).toEqual([]);
  });
});

/**
 * General news phenomena the blind corpus 2 (tests/fixtures/attribution-blind2) showed the
 * detector missing. Every sentence here was written for this file; none comes from a corpus.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/detect/index';
import type { CueStance, SourceType } from '../../../lib/model';

/** A lead paragraph, so the sentence under test is read as body text, not as a headline. */
const LEAD = 'The hearing resumed on Monday morning after a short delay.\n\n';

type Expected = { sourceText: string; cue: string; type?: SourceType; stance?: CueStance; speaker?: string | null };

/** The first attribution of the one claim read from `sentence` (after the lead), or null. */
function firstAttribution(sentence: string) {
  const claims = detectClaims(LEAD + sentence, { userSources: [] }).filter((c) => c.text === sentence);
  const a = claims[0]?.attributions[0];
  return a ? { sourceText: a.sourceText, cue: a.cue, type: a.type, stance: a.cueStance, speaker: a.speaker } : null;
}

function expectAttribution(sentence: string, expected: Expected): void {
  const got = firstAttribution(sentence);
  expect(got, sentence).not.toBeNull();
  expect(got, sentence).toMatchObject(expected);
}

describe('cue lexicon', () => {
  it.each<[string, Expected]>([
    ['The auditors noted that two payments had no invoice.', { sourceText: 'auditors', cue: 'noted', stance: 'endorsing' }],
    ['Opponents note that the scheme has never been costed.', { sourceText: 'Opponents', cue: 'note', stance: 'endorsing' }],
    ['Under questioning, Farrow accepted that he had never read the contract.', { sourceText: 'Farrow', cue: 'accepted', stance: 'endorsing' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it.each([
    'The club accepted the offer on Friday.',
    'The council accepted a bid of £2m for the site.',
  ])('no claim in "%s"', (sentence) => expect(firstAttribution(sentence)).toBeNull());
});

describe('people nouns and listeners', () => {
  it.each<[string, Expected]>([
    ['A senior backbencher said the row was about trust.', { sourceText: 'senior backbencher', cue: 'said', type: 'anonymous' }],
    ['Three Labour backbenchers said they would vote against the bill.', { sourceText: 'Labour backbenchers', cue: 'said', type: 'anonymous' }],
    ['Opponents say the scheme has never been costed.', { sourceText: 'Opponents', cue: 'say', type: 'anonymous' }],
    ['Maria Oduya told jurors that the defendant had lied.', { sourceText: 'Maria Oduya', cue: 'told' }],
    ['The chairman told shareholders that profits would fall.', { sourceText: 'chairman', cue: 'told' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('questions', () => {
  it.each([
    'What does the council say?',
    'Why do economists think the rate will fall?',
    'Did the ministry confirm the figures?',
    'What has Russia said?',
    'What have officials said about the leak?',
    'Has the ministry confirmed the figures?',
  ])(
    'no claim in the question "%s"',
    (sentence) => expect(firstAttribution(sentence)).toBeNull(),
  );

  it('still reads a quoted question with its cue outside', () => {
    expectAttribution('“Why does nobody ask what residents want?” the councillor said.', { sourceText: 'councillor', cue: 'said' });
  });
});

describe('appositives', () => {
  it.each<[string, Expected]>([
    ['Writing in the Observer on Sunday, the Conservative MP for Bath, James Hollis, argued that the plan would fail.', { sourceText: 'James Hollis', cue: 'argued', type: 'official-person' }],
    ['Speaking on Friday, the mayor of Leeds, Anna Price, said the buses would run.', { sourceText: 'Anna Price', cue: 'said' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('letters after a name', () => {
  it('reads "Name KC" as a person, and a later "she" as that person', () => {
    const text = `${LEAD}Opening the case, Maria Oduya KC told the jury that Orme had moved the money.\n\n“This was theft. It was planned from the start,” she said.`;
    const claims = detectClaims(text, { userSources: [] });
    const first = claims.find((c) => c.text.startsWith('Opening'))?.attributions[0];
    expect(first).toMatchObject({ sourceText: 'Maria Oduya', type: 'other' });
    const last = claims.find((c) => c.text.startsWith('It was planned'))?.attributions[0];
    expect(last).toMatchObject({ sourceText: 'she', label: 'Maria Oduya' });
    expect(claims.find((c) => c.text === '“This was theft.')?.attributions[0]).toMatchObject({ carriedOver: true, label: 'Maria Oduya' });
  });
});

describe('a relative clause tells a body from a person', () => {
  it.each<[string, Expected]>([
    ['Ridgeway Water, which supplies two million homes, said it had cut leaks by a fifth.', { sourceText: 'Ridgeway Water', type: 'organisation', cue: 'said' }],
    ['Hallam, which makes parts for Airbus, said orders had doubled.', { sourceText: 'Hallam', type: 'organisation', cue: 'said' }],
    ['Marta Kowalska, who runs the shelter, said it was full.', { sourceText: 'Marta Kowalska', type: 'other', cue: 'said' }],
    ['The study, which followed 30,000 pupils, found that sleep improved.', { sourceText: 'study', type: 'other', cue: 'found' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('a named person in an appositive speaks for a coordinated verb too', () => {
  it.each<[string, Expected]>([
    ['A Home Office spokeswoman, Jane Ferris, declined to comment on the case but said the department was reviewing its policy.', { sourceText: 'Jane Ferris', cue: 'said', type: 'official-person' }],
    ['The mayor declined to comment on the lawsuit but said the city would appeal.', { sourceText: 'mayor', cue: 'said' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it('gives "X’s agent, Name, told Sky Sports … and accused …" one attribution, the outlet with the agent speaking', () => {
    const sentence = 'Reilly’s agent, Marco Conti, told Sky Sports there had been no talks and accused the board of lying.';
    const claim = detectClaims(LEAD + sentence, { userSources: [] }).find((c) => c.text === sentence);
    expect(claim?.attributions.map((a) => [a.sourceText, a.speaker])).toEqual([['Sky Sports', 'Marco Conti']]);
  });
});

describe('an outlet described, then named in an appositive', () => {
  it.each<[string, Expected]>([
    ["The country's main tabloid, the Daily Post, ran an editorial accusing the council of waste.", { sourceText: 'Daily Post', cue: 'accusing', type: 'newspaper-broadcaster' }],
    ["The capital's main daily, Kurier Poranny, published a commentary accusing the mayor of lying.", { sourceText: 'Kurier Poranny', cue: 'accusing', type: 'newspaper-broadcaster' }],
    ["The city's biggest newspaper, the Evening Courier, said the plan was dead.", { sourceText: 'Evening Courier', cue: 'said', type: 'newspaper-broadcaster' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('"posted on" needs a channel right after it', () => {
  it('reads no claim in a paper posted on walls in a city', () => {
    expect(firstAttribution('Izvestia is handed out at stations and posted on walls in Moscow.')).toBeNull();
  });

  it.each<[string, Expected]>([
    ['The governor posted on his official Telegram channel that the fire was out.', { sourceText: 'Telegram', cue: 'posted on', speaker: 'governor' }],
    ['He wrote on the website of the ministry that talks had stalled.', { sourceText: 'He', cue: 'wrote on' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('"quoted X as saying" with a long X', () => {
  it('reads the quoting outlet and the speaker', () => {
    const text = `${LEAD}The state news agency Xinhua reported the talks.\n\nThe agency quoted an unnamed official at the Ministry of State Security of the Democratic People’s Republic as saying that the border would stay shut.`;
    const claim = detectClaims(text, { userSources: [] }).find((c) => c.text.startsWith('The agency quoted'));
    expect(claim?.attributions[0]).toMatchObject({ sourceText: 'agency', label: 'Xinhua', cue: 'quoted' });
    expect(claim?.attributions[0]?.speaker).toMatch(/^unnamed official at the Ministry of State Security/);
  });
});

describe('a capital "The" inside a sentence starts a publication’s title', () => {
  it.each<[string, Expected]>([
    ['Napoli have made an offer of 18m euros, according to The Athletic.', { sourceText: 'Athletic', cue: 'according to', type: 'newspaper-broadcaster' }],
    ['Rents rose by a fifth, according to The Spectator.', { sourceText: 'Spectator', cue: 'according to', type: 'newspaper-broadcaster' }],
    ['He said the deal was off, according to The Hollow Men Trust.', { sourceText: 'Hollow Men Trust', cue: 'according to', type: 'organisation' }],
    ['The Hollow Men Trust said the deal was off.', { sourceText: 'Hollow Men Trust', cue: 'said', type: 'organisation' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('particles inside a publication’s name', () => {
  it.each<[string, Expected]>([
    ['Italian newspaper Corriere dello Sport reported that the player had agreed terms.', { sourceText: 'Corriere dello Sport', cue: 'reported', type: 'newspaper-broadcaster' }],
    ['French weekly Journal des Loisirs reported that the show was cancelled.', { sourceText: 'Journal des Loisirs', cue: 'reported', type: 'newspaper-broadcaster' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('British government metonyms', () => {
  it.each<[string, Expected]>([
    ['A No 10 spokesperson said the bill would pass.', { sourceText: 'No 10', cue: 'said', type: 'government' }],
    ['The Treasury said borrowing had fallen.', { sourceText: 'Treasury', cue: 'said', type: 'government' }],
    ['Downing Street said the prime minister had full confidence in her.', { sourceText: 'Downing Street', cue: 'said', type: 'government' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('a study named with the people it counted', () => {
  it.each<[string, Expected]>([
    ['Starting school later may improve exam results, a study of more than 30,000 pupils in Sweden has found.', { sourceText: 'study of more than 30,000 pupils in Sweden', cue: 'found', type: 'other' }],
    ['Eating late may raise blood pressure, a study of 4,000 adults in Spain found.', { sourceText: 'study of 4,000 adults in Spain', cue: 'found', type: 'other' }],
    ['A poll of 2,000 voters in Ohio found that most backed the plan.', { sourceText: 'poll of 2,000 voters in Ohio', cue: 'found', type: 'other' }],
    ['A survey of teachers by the NEU union found that most were exhausted.', { sourceText: 'NEU union', cue: 'found', type: 'organisation' }],
    ['According to a statement from the ministry, the plant was closed.', { sourceText: 'ministry', cue: 'according to', type: 'government' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('ordinary people described by where they are from', () => {
  it.each<[string, Expected]>([
    ['A retired teacher from Kent said she was angry.', { sourceText: 'retired teacher from Kent', cue: 'said', type: 'anonymous' }],
    ['A nurse from Leeds who lost her job said she was angry.', { sourceText: 'nurse from Leeds', cue: 'said', type: 'anonymous' }],
    ['One of them, a nurse from Leeds, said she was angry.', { sourceText: 'nurse from Leeds', cue: 'said', type: 'anonymous' }],
    ['One of them, a nurse from Leeds who lost £12,000, said she was angry.', { sourceText: 'nurse from Leeds', cue: 'said', type: 'anonymous' }],
    ['Campaigners from Save Northfield Parks said they would appeal.', { sourceText: 'Save Northfield Parks', cue: 'said', type: 'organisation' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('advice given as a gerund', () => {
  it.each<[string, Expected]>([
    ['Water companies advise taking shorter showers.', { sourceText: 'Water companies', cue: 'advise' }],
    ['Doctors advised avoiding alcohol for a week.', { sourceText: 'Doctors', cue: 'advised' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it('reads no claim in advising someone on something', () => {
    expect(firstAttribution('The firm advised clients on the merger.')).toBeNull();
  });
});

describe('a description that opens the sentence, capitalised, before a name', () => {
  it.each<[string, Expected]>([
    ['Carmaker Voltano said on Tuesday it would cut 2,000 jobs.', { sourceText: 'Voltano', cue: 'said', type: 'organisation' }],
    ['Broadcaster Kanal Nord reported that the match was cancelled.', { sourceText: 'Kanal Nord', cue: 'reported', type: 'newspaper-broadcaster' }],
    ['Retailer Hexley said sales fell 4% in the quarter.', { sourceText: 'Hexley', cue: 'said', type: 'organisation' }],
    ['Striker Tom Reilly said the team was ready.', { sourceText: 'Tom Reilly', cue: 'said', type: 'other' }],
    ['Mark Tollan said the team was ready.', { sourceText: 'Mark Tollan', cue: 'said', type: 'other' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('a quantified group of people named by an -er noun', () => {
  it.each<[string, Expected]>([
    ['Some drinkers say the plant should never have closed.', { sourceText: 'drinkers', cue: 'say', type: 'anonymous' }],
    ['Some bikers argue that the lane is too narrow.', { sourceText: 'bikers', cue: 'argue', type: 'anonymous' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it.each(['Some papers were lost in the fire.', 'Many orders show a drop in demand.'])('no claim in "%s"', (sentence) => {
    expect(firstAttribution(sentence)).toBeNull();
  });
});

describe('readers writing in to a live blog', () => {
  it('reads "A reader, Tom in Hull, writes in:" as Tom', () => {
    expectAttribution('A reader, Tom in Hull, writes in: “The fuel duty freeze will not help bus users.”', { sourceText: 'Tom', cue: 'writes' });
  });

  it('still needs a channel after "wrote in"', () => {
    expect(firstAttribution('She wrote in pencil.')).toBeNull();
  });
});

describe('"considers X <judgement>"', () => {
  it.each<[string, Expected]>([
    ["The IMF considers the bank's forecasts credible.", { sourceText: 'IMF', cue: 'considers', stance: 'belief' }],
    ['The union considers the offer an insult.', { sourceText: 'union', cue: 'considers', stance: 'belief' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it.each(['The council considers the plan next week.', 'The board considered the bids for a week.'])('no claim in "%s"', (sentence) => {
    expect(firstAttribution(sentence)).toBeNull();
  });
});

describe('"declared" and "its figures"', () => {
  it.each(['The government has declared a state of emergency in three provinces.', 'The agency declared drought status in six areas on Friday.'])(
    'no claim in the act "%s"',
    (sentence) => expect(firstAttribution(sentence)).toBeNull(),
  );

  it.each<[string, Expected]>([
    ['The electoral commission declared the vote invalid.', { sourceText: 'electoral commission', cue: 'declared' }],
    ['The minister declared that the war was over.', { sourceText: 'minister', cue: 'declared' }],
    ['“The war is over,” the minister declared.', { sourceText: 'minister', cue: 'declared' }],
    ['The commission has declared drought status in six areas, and its figures show reservoirs at 61%.', { sourceText: 'commission', cue: 'show', stance: 'endorsing', type: 'government' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('parties', () => {
  it.each<[string, Expected]>([
    ['The Liberal Democrats have said they will table an amendment.', { sourceText: 'Liberal Democrats', cue: 'said', type: 'organisation' }],
    ['The Greens said the plan would fail.', { sourceText: 'Greens', cue: 'said', type: 'organisation' }],
    ['Democrats said the bill would fail.', { sourceText: 'Democrats', cue: 'said', type: 'anonymous' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('"suggests" without "that" after research', () => {
  it.each<[string, Expected]>([
    ['An exit poll by Forsa for RTL suggests the party will lose its majority.', { sourceText: 'Forsa', cue: 'suggests' }],
    ['Polls suggest the government will lose.', { sourceText: 'Polls', cue: 'suggest' }],
    ['The minister suggested that talks could resume.', { sourceText: 'minister', cue: 'suggested' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it.each(['The minister suggested a compromise on Friday.', 'He suggested a walk.'])('no claim in "%s"', (sentence) => {
    expect(firstAttribution(sentence)).toBeNull();
  });
});

describe('the two sides of a trial', () => {
  it.each<[string, Expected]>([
    ['The defence argued that the evidence had been obtained unlawfully.', { sourceText: 'defence', cue: 'argued', type: 'other' }],
    ['The prosecution said the defendant had lied repeatedly.', { sourceText: 'prosecution', cue: 'said', type: 'government' }],
    ['The defence ministry said two drones had been shot down.', { sourceText: 'defence ministry', cue: 'said', type: 'government' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('players', () => {
  it.each<[string, Expected]>([
    ['The forward told Sky Sports: “It was the best goal of my career.”', { sourceText: 'Sky Sports', cue: 'told', speaker: 'forward' }],
    ['The keeper said the penalty should never have been given.', { sourceText: 'keeper', cue: 'said' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));

  it('reads no source in "moved forward"', () => {
    expect(firstAttribution('The club moved forward with the plan.')).toBeNull();
  });
});

describe('public emergency services are the state’s', () => {
  it.each<[string, Expected]>([
    ['The fire brigade said crews were still at the scene.', { sourceText: 'fire brigade', cue: 'said', type: 'government' }],
    ['The ambulance service said three people had been taken to hospital.', { sourceText: 'ambulance service', cue: 'said', type: 'government' }],
    ['The Red Cross said the convoy had arrived.', { sourceText: 'Red Cross', cue: 'said', type: 'organisation' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('a description of what kind of body a source is refers back to it', () => {
  const text = `${LEAD}England had 38% of its average rainfall in spring, according to the Met Office. The forecaster says June has been drier still.\n\nThe Home Office said the rules would change. The company said it was not consulted.`;
  const claims = detectClaims(text, { userSources: [] });

  it('reads "the forecaster" as the Met Office named before', () => {
    expect(claims.find((c) => c.text.startsWith('The forecaster'))?.attributions[0]).toMatchObject({ sourceText: 'forecaster', label: 'Met Office', type: 'government' });
  });

  it('never reads "the company" as a ministry', () => {
    expect(claims.find((c) => c.text.startsWith('The company'))?.attributions[0]).toMatchObject({ sourceText: 'company', label: 'company' });
  });
});

describe('court reporting', () => {
  it.each<[string, Expected]>([
    ['In mitigation, his barrister said he had a difficult childhood.', { sourceText: 'barrister', cue: 'said', type: 'other' }],
    ['Defence counsel told the jury the evidence was thin.', { sourceText: 'Defence counsel', cue: 'told' }],
    ['The Crown Prosecution Service said the case had been reviewed.', { sourceText: 'Crown Prosecution Service', cue: 'said', type: 'government' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('rating agencies and consultancies', () => {
  it.each<[string, Expected]>([
    ["S&P Global Ratings said it had downgraded the country's debt.", { sourceText: 'S&P Global Ratings', cue: 'said', type: 'organisation' }],
    ['Capital Economics said growth would slow to 1%.', { sourceText: 'Capital Economics', cue: 'said', type: 'organisation' }],
    ['Partners Group said profits rose.', { sourceText: 'Partners Group', cue: 'said', type: 'organisation' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('headlines, sub-headings and captions on a line of their own', () => {
  const text = 'North Korea fires missile toward sea, Seoul says\n\nSEOUL (Reuters) - North Korea fired a missile, South Korea’s military said.\n\nMarsh: ‘I will not beg anyone to stay’\n\n“Luca is magnificent,” Marsh said.';
  const claims = detectClaims(text, { userSources: [] });

  it('are no claims, even with a cue', () => {
    expect(claims.map((c) => c.text)).toEqual(['SEOUL (Reuters) - North Korea fired a missile, South Korea’s military said.', '“Luca is magnificent,” Marsh said.']);
  });

  it('ends at the line: a sentence with its full stop is read', () => {
    expect(detectClaims('Seoul says the missile fell into the sea.', { userSources: [] })).toHaveLength(1);
  });
});

describe('chains with a trailing outer source', () => {
  /** [label, cue, reportedBy] of each attribution of `sentence`. */
  function chain(sentence: string) {
    return detectClaims(LEAD + sentence, { userSources: [] })
      .find((c) => c.text === sentence)
      ?.attributions.map((a) => [a.label, a.cue, a.reportedBy]);
  }

  it('"X believes …, a lawmaker told reporters": the lawmaker reports the belief', () => {
    expect(chain('The army believes the North may test a missile soon, a lawmaker told reporters.')).toEqual([
      ['lawmaker', 'told', null],
      ['army', 'believes', 0],
    ]);
  });

  it('"He added that …, according to official figures": the figures are what he cites', () => {
    expect(chain('He added that unemployment had doubled since 2010, according to official figures.')).toEqual([
      ['He', 'added', null],
      ['official figures', 'according to', 0],
    ]);
  });

  it('"X said …, according to Yonhap": the agency still reports what X said', () => {
    expect(chain('The military said the missile flew 600 km, according to Yonhap.')).toEqual([
      ['Yonhap', 'according to', null],
      ['military', 'said', 0],
    ]);
  });
});

describe('"City" alone is a club', () => {
  it.each<[string, Expected]>([
    ['City said the striker would miss the derby.', { sourceText: 'City', cue: 'said', type: 'organisation' }],
    ['The city said the bins would be collected on Monday.', { sourceText: 'city', cue: 'said', type: 'government' }],
    ['Mexico City said the water would be cut.', { sourceText: 'Mexico City', cue: 'said', type: 'government' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

describe('a first name and where the person is from', () => {
  it.each<[string, Expected]>([
    ['Priya from Cardiff wrote in to say the cuts would close her library.', { sourceText: 'Priya', cue: 'wrote' }],
    ['Sarah from Leeds said the buses were always late.', { sourceText: 'Sarah', cue: 'said' }],
    ['Campaigners from Save Northfield Parks said they would appeal.', { sourceText: 'Save Northfield Parks', cue: 'said', type: 'organisation' }],
  ])('%s', (sentence, expected) => expectAttribution(sentence, expected));
});

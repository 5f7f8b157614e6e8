/**
 * The built-in source registry and the alias matcher: the registry's own structure (every entry
 * has a sentence that resolves to it), the matching rules, and how the user's sources win.
 */
import { describe, expect, it } from 'vitest';
import { builtinSources, detectClaims, resolveSource, sourceIdFor } from '../../../lib/detect/index';
import { buildSourceIndex } from '../../../lib/detect/source-matcher';
import { SOURCE_TYPES, type Source } from '../../../lib/model';

/**
 * One attributing sentence per built-in source. Adding a source without a sentence here fails the
 * structure test below: every entry must be shown to resolve in running text.
 */
const SENTENCE_FOR: Record<string, string> = {
  kcna: 'The Korean Central News Agency said the launch had been a success.',
  kctv: 'North Korea’s state broadcaster KCTV reported that the leader had inspected a factory.',
  'rodong-sinmun': 'Rodong Sinmun said in an editorial that the drills were a provocation.',
  tass: 'Kozhemyako told TASS that the visit would take place in spring.',
  'ria-novosti': 'RIA Novosti reported that the talks had been postponed.',
  rt: 'RT reported that the minister had met his counterpart.',
  sputnik: 'Sputnik reported that the border crossing had reopened.',
  xinhua: 'According to Xinhua, the two leaders agreed to expand trade.',
  cctv: 'State broadcaster CCTV said the flood had displaced thousands.',
  cgtn: 'CGTN reported that the satellite had reached orbit.',
  'global-times': 'The Global Times claimed that the sanctions would backfire.',
  'peoples-daily': 'The People’s Daily wrote that the policy had been a success.',
  'china-daily': 'China Daily reported that exports rose in March.',
  irna: 'The official IRNA news agency reported that the talks would resume.',
  irib: 'State broadcaster IRIB said the explosion was caused by a gas leak.',
  tasnim: 'The Tasnim news agency reported that two drones had been shot down.',
  fars: 'The semi-official Fars news agency said the suspects had been arrested.',
  isna: 'ISNA reported that the students had been released.',
  sana: 'Syria’s state news agency SANA said the strike had hit a military site.',
  anadolu: 'Turkey’s state-run Anadolu Agency reported that the ship had docked.',
  ukrinform: 'Ukrinform reported that power had been restored in the city.',
  belta: 'The state news agency BelTA quoted the president as saying the border was secure.',
  yonhap: 'The Yonhap news agency reported that the North had fired a missile.',
  reuters: 'The minister told Reuters that no decision had been made.',
  ap: 'The governor told the AP that the roads would reopen on Friday.',
  afp: 'A police officer told AFP that three people had been detained.',
  interfax: 'Interfax reported that the plant had halted production.',
  kyodo: 'Kyodo News reported that the prime minister would visit Seoul.',
  dpa: 'The German news agency dpa reported that the talks had collapsed.',
  efe: 'The minister told EFE that the border would stay closed.',
  ansa: 'ANSA reported that the ferry had run aground.',
  pti: 'The Press Trust of India reported, citing officials, that the monsoon had arrived early.',
  bloomberg: 'Bloomberg reported that the company was exploring a sale.',
  bbc: 'The minister told the BBC that he would not resign.',
  cnn: 'CNN reported that the agreement was close.',
  'al-jazeera': 'A witness told Al Jazeera that the shelling had continued overnight.',
  nhk: 'Public broadcaster NHK reported that the earthquake had caused a tsunami warning.',
  nikkei: 'The Nikkei reported that the carmaker would cut production.',
  nyt: 'The New York Times reported that the plan had been shelved.',
  'washington-post': 'The Washington Post reported that the agency had been warned.',
  wsj: 'The Wall Street Journal reported that the deal was worth $2 billion.',
  guardian: 'A spokesperson told the Guardian that the company would appeal.',
  'financial-times': 'The chief executive told the Financial Times that prices would rise.',
  'le-monde': 'Le Monde reported that the minister had been questioned.',
  'der-spiegel': 'Der Spiegel reported that the ministry had ignored warnings.',
  'deutsche-welle': 'The mayor told Deutsche Welle that the city was prepared.',
  'france-24': 'The minister told France 24 that the troops would stay.',
  npr: 'NPR reported that the vote had been delayed.',
  'fox-news': 'The senator told Fox News that he opposed the bill.',
  'sky-news': 'A survivor told Sky News that the building collapsed within seconds.',
  politico: 'Politico reported that the White House was weighing new tariffs.',
  axios: 'Axios reported that the talks had stalled.',
  kommersant: 'Kommersant reported that the bank would be nationalised.',
  izvestia: 'Izvestia reported that the law would be amended.',
  meduza: 'Meduza reported that the journalist had been detained.',
  'kyiv-independent': 'A commander told the Kyiv Independent that the town was under fire.',
  telegram: 'The governor posted on Telegram that the drone attack had been repelled.',
  x: 'The minister wrote on X that the talks had been productive.',
  facebook: 'The mayor wrote on Facebook that the water supply had been restored.',
  instagram: 'The singer posted on Instagram that the tour was cancelled.',
  youtube: 'The blogger said in a video posted on YouTube that he had been threatened.',
  tiktok: 'The influencer claimed on TikTok that the product was safe.',
  'truth-social': 'Trump wrote on Truth Social that the deal was done.',
  whatsapp: 'The spokesman said in a message on WhatsApp that the claims were false.',
  weibo: 'The actress posted on Weibo that the film had been withdrawn.',
  wechat: 'The ambassador said on his WeChat account that citizens should leave.',
  'sky-sports': 'The striker told Sky Sports that he was happy at the club.',
  espn: 'The coach told ESPN that the quarterback would start on Sunday.',
  'press-tv': 'Press TV reported that the tanker had been seized in the strait.',
  mehr: 'The Mehr news agency said the border crossing had been closed.',
  trt: 'State broadcaster TRT said rescue teams had reached the village.',
  'al-qahera-news': 'Al-Qahera News said the delegation had arrived in Cairo.',
  'middle-east-news-agency': 'The Middle East News Agency reported that the canal had reopened.',
  'al-ahram': 'Al-Ahram reported that the minister would travel to Khartoum.',
  'saudi-press-agency': 'The Saudi Press Agency said the crown prince had received the envoy.',
  wam: 'WAM reported that the two leaders discussed regional security.',
  'qatar-news-agency': 'The Qatar News Agency said mediators would meet again next week.',
  kuna: 'KUNA reported that the oil ministry had raised output.',
  'national-news-agency': 'Lebanon’s state-run National News Agency reported that two people were wounded.',
  'rossiya-24': 'Rossiya 24 reported that the bridge had been repaired.',
  'channel-one': 'Channel One reported that the governor had resigned.',
  zvezda: 'The defence ministry’s Zvezda channel reported that the drills had begun.',
  'vietnam-news-agency': 'The Vietnam News Agency reported that the storm had killed nine people.',
  antara: 'The state news agency Antara reported that the volcano had erupted.',
  bernama: 'Bernama reported that the ferry service would resume on Monday.',
  'prensa-latina': 'Prensa Latina reported that the power grid had collapsed again.',
  granma: 'The party newspaper Granma said the harvest had exceeded targets.',
  telesur: 'Telesur reported that the opposition march had been peaceful.',
  uriminzokkiri: 'The propaganda website Uriminzokkiri claimed that the drills were rehearsals for an invasion.',
  'voice-of-korea': 'The Voice of Korea said the leader had visited a fishing station.',
  'china-news-service': 'China News Service reported that the rescue had ended.',
  'pla-daily': 'The PLA Daily said the exercises had tested joint command.',
  'jiji-press': 'Jiji Press reported that the cabinet would approve the budget on Friday.',
  ani: 'The minister told ANI that the talks had been constructive.',
  ians: 'IANS reported that the monsoon had reached the coast.',
  'australian-associated-press': 'The premier told Australian Associated Press that the fires were contained.',
  'canadian-press': 'The Canadian Press reported that the strike had ended.',
  'pa-media': 'A spokesman told PA Media that the ship had been towed to port.',
  lusa: 'The Portuguese news agency Lusa reported that the fire had spread overnight.',
  'europa-press': 'Europa Press reported that the minister would resign.',
  unian: 'UNIAN reported that air raid sirens sounded across the region.',
  lseg: 'Analysts polled by LSEG had expected quarterly revenue of $4.2 billion.',
  factset: 'Analysts polled by FactSet had expected a smaller loss.',
  'kyiv-post': 'A commander told the Kyiv Post that the bridgehead was holding.',
  'ukrainska-pravda': 'Ukrainska Pravda reported that the minister had offered to resign.',
  'novaya-gazeta': 'Novaya Gazeta reported that the prisoners had been moved.',
  vedomosti: 'Vedomosti reported that the bank was seeking a buyer.',
  mediazona: 'Mediazona reported that the death toll among volunteers had risen.',
  rferl: 'A resident told Radio Free Europe/Radio Liberty that the shelling had stopped.',
  'voice-of-america': 'The senator told Voice of America that the aid would be approved.',
  'radio-free-asia': 'A former guard told Radio Free Asia that the camp had been expanded.',
  haaretz: 'Haaretz reported that the cabinet had approved the plan.',
  'times-of-israel': 'An official told the Times of Israel that the talks had stalled.',
  ynet: 'Ynet reported that the hostages had been moved.',
  'jerusalem-post': 'The Jerusalem Post reported that the vote would be delayed.',
  'al-arabiya': 'A senior official told Al Arabiya that the ceasefire would hold.',
  'al-monitor': 'Al-Monitor reported that the envoy had met militia leaders.',
  'middle-east-eye': 'Middle East Eye reported that the convoy had been turned back.',
  'arab-news': 'The minister told Arab News that investment would double.',
  'daily-sabah': 'Daily Sabah reported that the pipeline would open next year.',
  hurriyet: 'Hurriyet reported that the central bank governor had been replaced.',
  tolonews: 'A Taliban spokesman told TOLOnews that the schools would stay closed.',
  dawn: 'A police official told Dawn that the suspects had been arrested.',
  'the-hindu': 'The Hindu reported that the state had declared a drought.',
  'times-of-india': 'The Times of India reported that the flights had been cancelled.',
  'hindustan-times': 'Hindustan Times reported that the minister had tested positive.',
  'indian-express': 'The Indian Express reported that the deal had been signed.',
  ndtv: 'The chief minister told NDTV that the relief camps were full.',
  'south-china-morning-post': 'The South China Morning Post reported that the ferry had capsized.',
  'straits-times': 'The Straits Times reported that the port had reopened.',
  'asahi-shimbun': 'The Asahi Shimbun reported that the prime minister would dissolve parliament.',
  'yomiuri-shimbun': 'The Yomiuri Shimbun reported that the budget would rise.',
  'mainichi-shimbun': 'The Mainichi Shimbun reported that the reactor would restart.',
  'korea-herald': 'The Korea Herald reported that the strike had ended.',
  'korea-times': 'An official told the Korea Times that the talks would resume.',
  'korea-joongang-daily': 'Korea JoongAng Daily reported that the chipmaker would expand its plant.',
  'chosun-ilbo': 'The Chosun Ilbo reported that the defector had reached Seoul.',
  hankyoreh: 'The Hankyoreh reported that the prosecutors had raided the office.',
  'nk-news': 'NK News reported that the ship had left Nampo.',
  'daily-nk': 'A source told Daily NK that rice prices had doubled.',
  'abc-news': 'The governor told ABC News that the evacuation order would stay.',
  'cbs-news': 'CBS News reported that the plan had been approved.',
  'nbc-news': 'NBC News reported that the suspect had been released.',
  msnbc: 'The senator told MSNBC that the bill would fail.',
  pbs: 'The secretary told PBS that the tariffs would stay.',
  'usa-today': 'USA Today reported that the recall covered 1 million cars.',
  'los-angeles-times': 'The Los Angeles Times reported that the fire had been contained.',
  'boston-globe': 'The Boston Globe reported that the school would close.',
  newsweek: 'Newsweek reported that the campaign had raised $40 million.',
  'new-yorker': 'The New Yorker reported that the ambassador had been recalled.',
  'business-insider': 'Business Insider reported that the company would cut jobs.',
  economist: 'The Economist said the reforms had come too late.',
  'the-times': 'A minister told the Times that the plan would be scrapped.',
  telegraph: 'The Telegraph reported that the prince would attend.',
  'daily-mail': 'The Daily Mail reported that the player had signed a new contract.',
  'evening-standard': 'The Evening Standard reported that the station would close.',
  'itv-news': 'A witness told ITV News that the car had mounted the pavement.',
  'channel-4-news': 'The minister told Channel 4 News that the scheme was working.',
  euronews: 'Euronews reported that the border had reopened.',
  'le-figaro': 'Le Figaro reported that the minister had been questioned.',
  liberation: 'The newspaper Libération reported that the sites were registered in Cyprus.',
  'le-parisien': 'Le Parisien reported that the suspect had fled.',
  'les-echos': 'Les Echos reported that the carmaker would close a plant.',
  rfi: 'A resident told RFI that the town was under curfew.',
  bfmtv: 'The minister told BFMTV that the strike would fail.',
  'el-pais': 'El País reported that the government would fall.',
  'el-mundo': 'El Mundo reported that the judge had opened an inquiry.',
  'corriere-della-sera': 'Corriere della Sera reported that the coalition had collapsed.',
  'la-repubblica': 'La Repubblica reported that the bank had been fined.',
  rai: 'State broadcaster RAI said the earthquake had been felt in Rome.',
  bild: 'Bild reported that the chancellor would visit Kyiv.',
  'die-zeit': 'Die Zeit reported that the ministry had ignored the warning.',
  'suddeutsche-zeitung': 'Süddeutsche Zeitung reported that the files had been leaked.',
  'frankfurter-allgemeine-zeitung': 'The Frankfurter Allgemeine Zeitung reported that the merger was off.',
  handelsblatt: 'Handelsblatt reported that the plant would close.',
  'gazeta-wyborcza': 'Gazeta Wyborcza reported that the minister had resigned.',
  kathimerini: 'Kathimerini reported that the ferry strike had ended.',
  lancet: 'An editorial in The Lancet said the cuts would cost lives.',
  nature: 'The journal Nature said in an editorial that the funding cuts were reckless.',
  'new-england-journal-of-medicine': 'The New England Journal of Medicine said the trial results were robust.',
  bmj: 'The BMJ reported that the drug had been withdrawn.',
  jama: 'A paper in JAMA found that the screening reduced deaths.',
  bluesky: 'The senator wrote on Bluesky that the vote was rigged.',
  reddit: 'A moderator posted on Reddit that the forum would close.',
  linkedin: 'The chief executive wrote on LinkedIn that the company would hire 500 engineers.',
  snapchat: 'The singer posted on Snapchat that the show was cancelled.',
  threads: 'The actor wrote on Threads that the rumours were false.',
  douyin: 'The influencer claimed on Douyin that the product was safe.',
  substack: 'The former adviser wrote on Substack that the plan had failed.',
  rumble: 'The commentator claimed on Rumble that the vote had been stolen.',
  viber: 'The mayor said in a message on Viber that the water supply was restored.',
  vkontakte: 'The governor wrote on VKontakte that the fire was under control.',
};

describe('built-in registry structure', () => {
  it('ships at least 45 sources, including the four the design names', () => {
    expect(builtinSources.length).toBeGreaterThanOrEqual(45);
    const byId = new Map(builtinSources.map((s) => [s.id, s]));
    expect(byId.get('kcna')?.aliases).toContain('Korean Central News Agency');
    expect(byId.get('kcna')?.type).toBe('state-media');
    expect(byId.get('yonhap')?.type).toBe('news-agency');
    expect(byId.get('tass')?.type).toBe('state-media');
    expect(byId.get('telegram')?.type).toBe('social-media');
  });

  it('has a test sentence for every built-in source, and no sentence for a source it lacks', () => {
    expect(Object.keys(SENTENCE_FOR).sort()).toEqual(builtinSources.map((s) => s.id).sort());
  });

  it.each(builtinSources.map((s) => [s.id, s] as const))('%s resolves in its test sentence', (id, source) => {
    const sentence = SENTENCE_FOR[id] ?? '';
    const claims = detectClaims(sentence);
    expect(claims).toHaveLength(1);
    const a = claims[0]?.attributions[0];
    expect(a?.source).toEqual({ id, name: source.name, type: source.type });
    expect(a?.label).toBe(source.name);
  });

  it.each(builtinSources.map((s) => [s.id, s] as const))('%s is well formed', (id, source) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(SOURCE_TYPES).toContain(source.type);
    expect(source.builtin).toBe(true);
    expect(source.country).toMatch(/^[A-Z]{2}$/);
    expect(source.name.trim()).toBe(source.name);
  });

  it('has unique ids, and no alias shared by two sources', () => {
    expect(new Set(builtinSources.map((s) => s.id)).size).toBe(builtinSources.length);
    const owner = new Map<string, string>();
    for (const s of builtinSources) {
      for (const alias of new Set([s.name, ...s.aliases])) {
        const key = alias.toLowerCase();
        expect(owner.get(key) ?? s.id, `alias ${alias}`).toBe(s.id);
        owner.set(key, s.id);
      }
    }
  });

  it.each(builtinSources.flatMap((s) => [s.name, ...s.aliases].map((alias) => [alias, s.id] as const)))(
    'alias "%s" resolves to %s',
    (alias, id) => {
      // "according to" gives the one-letter alias X its platform context.
      expect(resolveSource(`according to ${alias}`)?.id).toBe(id);
    },
  );
});

describe('alias matching', () => {
  it.each([
    ['Korean Central News Agency', 'kcna'],
    ['KOREAN CENTRAL NEWS AGENCY', 'kcna'],
    ['Korean central news agency', 'kcna'],
    ['the Yonhap news agency', 'yonhap'],
    ['Russia’s TASS’s correspondent', 'tass'],
    ['Agence France Presse', 'afp'],
    ['Agence France-Presse', 'afp'],
    ['Al-Jazeera', 'al-jazeera'],
    ['People’s Daily', 'peoples-daily'],
    ["People's Daily", 'peoples-daily'],
    ['Youtube', 'youtube'],
    ['posted on X', 'x'],
    ['an X account', 'x'],
  ])('"%s" names %s', (words, id) => {
    expect(resolveSource(words)?.id).toBe(id);
  });

  it.each([
    ['APPLE', 'an acronym inside a longer word'],
    ['SNAP', 'no alias at all'],
    ['rt', 'an acronym in the wrong case'],
    ['kcna', 'an acronym in lower case'],
    ['fars', 'a short name in lower case'],
    ['the guardian of the child', 'a long name starting lower case'],
    ['a telegram from the front', 'a platform name as a common noun'],
    ['Malcolm X', 'a one-letter name outside its context'],
    ['CCTV footage', 'a guarded alias before an excluded word'],
    ['Nikkei index', 'a guarded alias before an excluded word'],
    ['KCNAX', 'an alias glued to other letters'],
  ])('"%s" names nothing (%s)', (words) => {
    expect(resolveSource(words)).toBeNull();
  });

  it('prefers the longest alias', () => {
    const index = buildSourceIndex(builtinSources);
    const [m] = index.mentions('ITAR-TASS reported');
    expect(m?.source.id).toBe('tass');
    expect(m?.alias).toBe('ITAR-TASS');
    expect(index.mentions('Russian News Agency TASS said')[0]?.end).toBe('Russian News Agency TASS'.length);
  });

  it('finds every mention in order, without overlaps', () => {
    const index = buildSourceIndex(builtinSources);
    const text = 'Reuters, AP and AFP cited Yonhap and KCNA; Telegram and X were silent.';
    expect(index.mentions(text).map((m) => m.source.id)).toEqual(['reuters', 'ap', 'afp', 'yonhap', 'kcna', 'telegram']);
  });
});

describe('user sources', () => {
  const user = (fields: Partial<Source> & Pick<Source, 'id' | 'name'>): Source => ({
    aliases: [],
    type: 'other',
    builtin: false,
    ...fields,
  });

  it('resolves a source only the user has', () => {
    const sources = [user({ id: 'primorye-24', name: 'Primorye 24', aliases: ['PrimaMedia'], type: 'newspaper-broadcaster' })];
    expect(resolveSource('the PrimaMedia portal', sources)?.id).toBe('primorye-24');
    const claims = detectClaims('Primorye 24 reported that the governor had returned.', { userSources: sources });
    expect(claims[0]?.attributions[0]?.source).toEqual({ id: 'primorye-24', name: 'Primorye 24', type: 'newspaper-broadcaster' });
  });

  it('wins over a built-in with the same id, keeping the built-in aliases', () => {
    const sources = [user({ id: 'kcna', name: 'KCNA (DPRK)', type: 'state-media', builtin: true, aliases: ['Pyongyang news agency'] })];
    const claims = detectClaims('The Korean Central News Agency said the test succeeded.', { userSources: sources });
    expect(claims[0]?.attributions[0]?.source).toEqual({ id: 'kcna', name: 'KCNA (DPRK)', type: 'state-media' });
    expect(resolveSource('the Pyongyang news agency', sources)?.id).toBe('kcna');
  });

  it('wins over a built-in with the same alias', () => {
    const sources = [user({ id: 'associated-press-uk', name: 'Associated Press (UK)', aliases: ['AP'], type: 'newspaper-broadcaster' })];
    expect(resolveSource('the AP', sources)?.id).toBe('associated-press-uk');
    expect(resolveSource('the AP')?.id).toBe('ap');
  });

  it('builds the matcher once per user source list', () => {
    const sources = [user({ id: 'x-source', name: 'Some Outlet' })];
    expect(resolveSource('Some Outlet', sources)).toBe(resolveSource('Some Outlet', sources));
  });
});

describe('sourceIdFor', () => {
  it.each([
    ['American authorities', 'american-authorities'],
    ['South Korea’s spy service', 'south-koreas-spy-service'],
    ["Pyongyang's official media", 'pyongyangs-official-media'],
    ['  Agence France-Presse  ', 'agence-france-presse'],
    ['Le Monde (Paris)', 'le-monde-paris'],
    ['Élysée Palace', 'elysee-palace'],
    ['ТАСС', 'тасс'],
    ['연합뉴스', '연합뉴스'],
    ['North Korea‘s media', 'north-koreas-media'],
    ['—', 'unnamed-source'],
    ['', 'unnamed-source'],
  ])('%s → %s', (label, id) => {
    expect(sourceIdFor(label)).toBe(id);
  });

  it('is stable and idempotent', () => {
    const id = sourceIdFor('People familiar with the matter');
    expect(sourceIdFor('People familiar with the matter')).toBe(id);
    expect(sourceIdFor(id)).toBe(id);
  });
});

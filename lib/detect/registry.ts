/**
 * The built-in source registry: outlets, agencies and platforms news readers meet daily.
 *
 * Each entry's `name` is also matched, so `aliases` lists only other spellings. Aliases are
 * written without a leading "The" ("New York Times"): the article is optional in text and the
 * matcher skips it. How an alias matches (case, word boundaries) is decided in source-matcher.ts.
 *
 * Types follow who controls the outlet: `state-media` for state-owned or state-directed outlets
 * (KCNA, TASS, Xinhua, Anadolu, IRNA…), `news-agency` for independent wire services,
 * `newspaper-broadcaster` for papers and channels, `social-media` for platforms.
 */
import type { Source, SourceType } from '../model';
import { sourceIdFor } from './source-id';

/** A registry row as written here; `BUILTIN_SOURCES` fills in ids and defaults. */
type Entry = {
  /** Canonical display name; also matched as an alias. */
  name: string;
  /** Other spellings. */
  aliases?: string[];
  /** What kind of source it is. */
  type: SourceType;
  /** ISO 3166-1 alpha-2 code of where it is based. */
  country?: string;
  /** Set only when the slug of `name` is not the id we want ("The New York Times" → "nyt"). */
  id?: string;
};

const ENTRIES: readonly Entry[] = [
  // State media and state news agencies
  { name: 'KCNA', aliases: ['Korean Central News Agency'], type: 'state-media', country: 'KP' },
  { name: 'KCTV', aliases: ['Korean Central Television'], type: 'state-media', country: 'KP' },
  { name: 'Rodong Sinmun', type: 'state-media', country: 'KP' },
  { name: 'TASS', aliases: ['Tass', 'ITAR-TASS', 'Russian News Agency TASS'], type: 'state-media', country: 'RU' },
  { name: 'RIA Novosti', aliases: ['RIA'], type: 'state-media', country: 'RU' },
  { name: 'RT', aliases: ['Russia Today'], type: 'state-media', country: 'RU' },
  { name: 'Sputnik', type: 'state-media', country: 'RU' },
  { name: 'Xinhua', aliases: ['Xinhua News Agency'], type: 'state-media', country: 'CN' },
  { name: 'CCTV', aliases: ['China Central Television'], type: 'state-media', country: 'CN' },
  { name: 'CGTN', aliases: ['China Global Television Network'], type: 'state-media', country: 'CN' },
  { name: 'Global Times', type: 'state-media', country: 'CN' },
  { name: "People's Daily", type: 'state-media', country: 'CN' },
  { name: 'China Daily', type: 'state-media', country: 'CN' },
  { name: 'IRNA', aliases: ['Islamic Republic News Agency'], type: 'state-media', country: 'IR' },
  { name: 'IRIB', aliases: ['Islamic Republic of Iran Broadcasting'], type: 'state-media', country: 'IR' },
  { name: 'Tasnim', aliases: ['Tasnim News Agency'], type: 'state-media', country: 'IR' },
  { name: 'Fars', aliases: ['Fars News Agency'], type: 'state-media', country: 'IR' },
  { name: 'ISNA', aliases: ["Iranian Students' News Agency"], type: 'state-media', country: 'IR' },
  { name: 'SANA', aliases: ['Syrian Arab News Agency'], type: 'state-media', country: 'SY' },
  { name: 'Anadolu Agency', aliases: ['Anadolu'], type: 'state-media', country: 'TR', id: 'anadolu' },
  { name: 'Ukrinform', type: 'state-media', country: 'UA' },
  { name: 'BelTA', type: 'state-media', country: 'BY' },
  { name: 'Press TV', type: 'state-media', country: 'IR' },
  { name: 'Mehr', aliases: ['Mehr News Agency'], type: 'state-media', country: 'IR' },
  { name: 'TRT', aliases: ['TRT World', 'Turkish Radio and Television'], type: 'state-media', country: 'TR' },
  { name: 'Al-Qahera News', aliases: ['Al Qahera News', 'AlQahera News'], type: 'state-media', country: 'EG' },
  { name: 'Middle East News Agency', type: 'state-media', country: 'EG' },
  { name: 'Al-Ahram', aliases: ['Al Ahram', 'Ahram Online'], type: 'state-media', country: 'EG' },
  { name: 'Saudi Press Agency', aliases: ['SPA'], type: 'state-media', country: 'SA' },
  { name: 'WAM', aliases: ['Emirates News Agency'], type: 'state-media', country: 'AE' },
  { name: 'Qatar News Agency', aliases: ['QNA'], type: 'state-media', country: 'QA' },
  { name: 'KUNA', aliases: ['Kuwait News Agency'], type: 'state-media', country: 'KW' },
  { name: 'National News Agency', aliases: ['NNA'], type: 'state-media', country: 'LB' },
  { name: 'Rossiya 24', type: 'state-media', country: 'RU' },
  { name: 'Channel One', aliases: ['Channel One Russia', 'Pervy Kanal'], type: 'state-media', country: 'RU' },
  { name: 'Zvezda', type: 'state-media', country: 'RU' },
  { name: 'Vietnam News Agency', aliases: ['VNA'], type: 'state-media', country: 'VN' },
  { name: 'Antara', type: 'state-media', country: 'ID' },
  { name: 'Bernama', type: 'state-media', country: 'MY' },
  { name: 'Prensa Latina', type: 'state-media', country: 'CU' },
  { name: 'Granma', type: 'state-media', country: 'CU' },
  { name: 'Telesur', aliases: ['teleSUR', 'TeleSUR'], type: 'state-media', country: 'VE' },
  { name: 'Uriminzokkiri', type: 'state-media', country: 'KP' },
  { name: 'Voice of Korea', type: 'state-media', country: 'KP' },
  { name: 'China News Service', type: 'state-media', country: 'CN' },
  { name: 'PLA Daily', type: 'state-media', country: 'CN' },
  // News agencies
  { name: 'Yonhap', aliases: ['Yonhap News Agency'], type: 'news-agency', country: 'KR' },
  { name: 'Reuters', aliases: ['Thomson Reuters'], type: 'news-agency', country: 'GB' },
  { name: 'Associated Press', aliases: ['AP'], type: 'news-agency', country: 'US', id: 'ap' },
  { name: 'AFP', aliases: ['Agence France-Presse', 'Agence France Presse'], type: 'news-agency', country: 'FR' },
  { name: 'Interfax', type: 'news-agency', country: 'RU' },
  { name: 'Kyodo', aliases: ['Kyodo News'], type: 'news-agency', country: 'JP' },
  { name: 'dpa', aliases: ['DPA', 'Deutsche Presse-Agentur'], type: 'news-agency', country: 'DE' },
  { name: 'EFE', aliases: ['Agencia EFE'], type: 'news-agency', country: 'ES' },
  { name: 'ANSA', type: 'news-agency', country: 'IT' },
  { name: 'PTI', aliases: ['Press Trust of India'], type: 'news-agency', country: 'IN' },
  { name: 'Bloomberg', aliases: ['Bloomberg News'], type: 'news-agency', country: 'US' },
  { name: 'Jiji Press', aliases: ['Jiji'], type: 'news-agency', country: 'JP' },
  { name: 'ANI', aliases: ['Asian News International'], type: 'news-agency', country: 'IN' },
  { name: 'IANS', aliases: ['Indo-Asian News Service'], type: 'news-agency', country: 'IN' },
  { name: 'Australian Associated Press', type: 'news-agency', country: 'AU' },
  { name: 'Canadian Press', type: 'news-agency', country: 'CA' },
  { name: 'PA Media', type: 'news-agency', country: 'GB' },
  { name: 'Lusa', type: 'news-agency', country: 'PT' },
  { name: 'Europa Press', type: 'news-agency', country: 'ES' },
  { name: 'UNIAN', type: 'news-agency', country: 'UA' },
  // Data and market-information groups quoted like wires ("analysts polled by LSEG")
  { name: 'LSEG', aliases: ['London Stock Exchange Group', 'Refinitiv'], type: 'organisation', country: 'GB' },
  { name: 'FactSet', type: 'organisation', country: 'US' },
  // Newspapers and broadcasters
  { name: 'BBC', aliases: ['BBC News', 'British Broadcasting Corporation'], type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'CNN', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Al Jazeera', aliases: ['Al-Jazeera', 'Aljazeera'], type: 'newspaper-broadcaster', country: 'QA' },
  { name: 'NHK', aliases: ['Japan Broadcasting Corporation'], type: 'newspaper-broadcaster', country: 'JP' },
  { name: 'Nikkei', aliases: ['Nikkei Asia'], type: 'newspaper-broadcaster', country: 'JP' },
  { name: 'The New York Times', aliases: ['New York Times', 'NYT'], type: 'newspaper-broadcaster', country: 'US', id: 'nyt' },
  { name: 'The Washington Post', aliases: ['Washington Post'], type: 'newspaper-broadcaster', country: 'US', id: 'washington-post' },
  { name: 'The Wall Street Journal', aliases: ['Wall Street Journal', 'WSJ'], type: 'newspaper-broadcaster', country: 'US', id: 'wsj' },
  { name: 'The Guardian', aliases: ['Guardian'], type: 'newspaper-broadcaster', country: 'GB', id: 'guardian' },
  { name: 'Financial Times', aliases: ['FT'], type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'Le Monde', type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'Der Spiegel', aliases: ['Spiegel'], type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'Deutsche Welle', aliases: ['DW'], type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'France 24', type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'NPR', aliases: ['National Public Radio'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Fox News', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Sky News', type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'Sky Sports', type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'ESPN', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Politico', aliases: ['Politico Europe'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Axios', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Kommersant', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Izvestia', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Meduza', type: 'newspaper-broadcaster', country: 'LV' },
  { name: 'The Kyiv Independent', aliases: ['Kyiv Independent'], type: 'newspaper-broadcaster', country: 'UA', id: 'kyiv-independent' },
  { name: 'Kyiv Post', type: 'newspaper-broadcaster', country: 'UA' },
  { name: 'Ukrainska Pravda', type: 'newspaper-broadcaster', country: 'UA' },
  { name: 'Novaya Gazeta', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Vedomosti', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Mediazona', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Radio Free Europe/Radio Liberty', aliases: ['RFE/RL', 'Radio Free Europe', 'Radio Liberty'], type: 'newspaper-broadcaster', country: 'US', id: 'rferl' },
  { name: 'Voice of America', aliases: ['VOA'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Radio Free Asia', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Haaretz', type: 'newspaper-broadcaster', country: 'IL' },
  { name: 'The Times of Israel', aliases: ['Times of Israel'], type: 'newspaper-broadcaster', country: 'IL', id: 'times-of-israel' },
  { name: 'Ynet', aliases: ['Ynetnews', 'Yedioth Ahronoth', 'Yediot Aharonot'], type: 'newspaper-broadcaster', country: 'IL' },
  { name: 'The Jerusalem Post', aliases: ['Jerusalem Post'], type: 'newspaper-broadcaster', country: 'IL', id: 'jerusalem-post' },
  { name: 'Al Arabiya', aliases: ['Al-Arabiya'], type: 'newspaper-broadcaster', country: 'AE' },
  { name: 'Al-Monitor', aliases: ['Al Monitor'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Middle East Eye', type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'Arab News', type: 'newspaper-broadcaster', country: 'SA' },
  { name: 'Daily Sabah', type: 'newspaper-broadcaster', country: 'TR' },
  { name: 'Hurriyet', aliases: ['Hürriyet'], type: 'newspaper-broadcaster', country: 'TR' },
  { name: 'TOLOnews', aliases: ['TOLO News', 'Tolo News', 'TOLO'], type: 'newspaper-broadcaster', country: 'AF' },
  { name: 'Dawn', type: 'newspaper-broadcaster', country: 'PK' },
  { name: 'The Hindu', type: 'newspaper-broadcaster', country: 'IN', id: 'the-hindu' },
  { name: 'The Times of India', aliases: ['Times of India'], type: 'newspaper-broadcaster', country: 'IN', id: 'times-of-india' },
  { name: 'Hindustan Times', type: 'newspaper-broadcaster', country: 'IN' },
  { name: 'The Indian Express', aliases: ['Indian Express'], type: 'newspaper-broadcaster', country: 'IN', id: 'indian-express' },
  { name: 'NDTV', type: 'newspaper-broadcaster', country: 'IN' },
  { name: 'South China Morning Post', aliases: ['SCMP'], type: 'newspaper-broadcaster', country: 'HK' },
  { name: 'The Straits Times', aliases: ['Straits Times'], type: 'newspaper-broadcaster', country: 'SG', id: 'straits-times' },
  { name: 'Asahi Shimbun', aliases: ['Asahi'], type: 'newspaper-broadcaster', country: 'JP' },
  { name: 'Yomiuri Shimbun', aliases: ['Yomiuri'], type: 'newspaper-broadcaster', country: 'JP' },
  { name: 'Mainichi Shimbun', aliases: ['Mainichi'], type: 'newspaper-broadcaster', country: 'JP' },
  { name: 'The Korea Herald', aliases: ['Korea Herald'], type: 'newspaper-broadcaster', country: 'KR', id: 'korea-herald' },
  { name: 'The Korea Times', aliases: ['Korea Times'], type: 'newspaper-broadcaster', country: 'KR', id: 'korea-times' },
  { name: 'Korea JoongAng Daily', aliases: ['JoongAng Daily', 'JoongAng Ilbo'], type: 'newspaper-broadcaster', country: 'KR' },
  { name: 'Chosun Ilbo', aliases: ['Chosun Daily'], type: 'newspaper-broadcaster', country: 'KR' },
  { name: 'Hankyoreh', type: 'newspaper-broadcaster', country: 'KR' },
  { name: 'NK News', type: 'newspaper-broadcaster', country: 'KR' },
  { name: 'Daily NK', type: 'newspaper-broadcaster', country: 'KR' },
  { name: 'ABC News', aliases: ['ABC'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'CBS News', aliases: ['CBS'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'NBC News', aliases: ['NBC'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'MSNBC', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'PBS', aliases: ['PBS NewsHour'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'USA Today', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Los Angeles Times', aliases: ['LA Times'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'The Boston Globe', aliases: ['Boston Globe'], type: 'newspaper-broadcaster', country: 'US', id: 'boston-globe' },
  { name: 'Newsweek', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'The New Yorker', aliases: ['New Yorker'], type: 'newspaper-broadcaster', country: 'US', id: 'new-yorker' },
  { name: 'Business Insider', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'The Economist', aliases: ['Economist'], type: 'newspaper-broadcaster', country: 'GB', id: 'economist' },
  { name: 'The Times', aliases: ['Times'], type: 'newspaper-broadcaster', country: 'GB', id: 'the-times' },
  { name: 'The Telegraph', aliases: ['Telegraph', 'Daily Telegraph'], type: 'newspaper-broadcaster', country: 'GB', id: 'telegraph' },
  { name: 'Daily Mail', aliases: ['MailOnline'], type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'Evening Standard', type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'ITV News', aliases: ['ITV'], type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'Channel 4 News', aliases: ['Channel 4'], type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'Euronews', type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'Le Figaro', type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'Libération', aliases: ['Liberation'], type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'Le Parisien', type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'Les Echos', type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'RFI', aliases: ['Radio France Internationale'], type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'BFMTV', aliases: ['BFM TV'], type: 'newspaper-broadcaster', country: 'FR' },
  { name: 'El País', aliases: ['El Pais'], type: 'newspaper-broadcaster', country: 'ES' },
  { name: 'El Mundo', type: 'newspaper-broadcaster', country: 'ES' },
  { name: 'Corriere della Sera', aliases: ['Corriere'], type: 'newspaper-broadcaster', country: 'IT' },
  { name: 'La Repubblica', aliases: ['Repubblica'], type: 'newspaper-broadcaster', country: 'IT' },
  { name: 'RAI', type: 'newspaper-broadcaster', country: 'IT' },
  { name: 'Bild', type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'Die Zeit', type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'Süddeutsche Zeitung', aliases: ['Sueddeutsche Zeitung'], type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'Frankfurter Allgemeine Zeitung', aliases: ['Frankfurter Allgemeine', 'FAZ'], type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'Handelsblatt', type: 'newspaper-broadcaster', country: 'DE' },
  { name: 'Gazeta Wyborcza', type: 'newspaper-broadcaster', country: 'PL' },
  { name: 'Kathimerini', type: 'newspaper-broadcaster', country: 'GR' },
  // Journals: what they publish is attributed to them like an outlet's report
  { name: 'The Lancet', aliases: ['Lancet'], type: 'newspaper-broadcaster', country: 'GB', id: 'lancet' },
  { name: 'Nature', type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'New England Journal of Medicine', aliases: ['NEJM'], type: 'newspaper-broadcaster', country: 'US' },
  { name: 'BMJ', aliases: ['British Medical Journal'], type: 'newspaper-broadcaster', country: 'GB' },
  { name: 'JAMA', aliases: ['Journal of the American Medical Association'], type: 'newspaper-broadcaster', country: 'US' },
  // Platforms
  { name: 'Telegram', type: 'social-media', country: 'AE' },
  { name: 'X', aliases: ['Twitter'], type: 'social-media', country: 'US' },
  { name: 'Facebook', type: 'social-media', country: 'US' },
  { name: 'Instagram', type: 'social-media', country: 'US' },
  { name: 'YouTube', type: 'social-media', country: 'US' },
  { name: 'TikTok', type: 'social-media', country: 'CN' },
  { name: 'Truth Social', type: 'social-media', country: 'US' },
  { name: 'WhatsApp', type: 'social-media', country: 'US' },
  { name: 'Weibo', aliases: ['Sina Weibo'], type: 'social-media', country: 'CN' },
  { name: 'WeChat', aliases: ['Weixin'], type: 'social-media', country: 'CN' },
  { name: 'VKontakte', aliases: ['VK'], type: 'social-media', country: 'RU' },
  { name: 'Bluesky', type: 'social-media', country: 'US' },
  { name: 'Reddit', type: 'social-media', country: 'US' },
  { name: 'LinkedIn', type: 'social-media', country: 'US' },
  { name: 'Snapchat', type: 'social-media', country: 'US' },
  { name: 'Threads', type: 'social-media', country: 'US' },
  { name: 'Douyin', type: 'social-media', country: 'CN' },
  { name: 'Substack', type: 'social-media', country: 'US' },
  { name: 'Rumble', type: 'social-media', country: 'US' },
  { name: 'Viber', type: 'social-media', country: 'CY' },
];

/** The sources shipped with the extension, in registry order. */
export const BUILTIN_SOURCES: readonly Source[] = ENTRIES.map(
  (e): Source => ({
    id: e.id ?? sourceIdFor(e.name),
    name: e.name,
    aliases: e.aliases ?? [],
    type: e.type,
    ...(e.country === undefined ? {} : { country: e.country }),
    builtin: true,
  }),
);

/** Context rules for built-in aliases that are also ordinary words or parts of other names. */
export type AliasGuard = {
  /** The alias does not count when the next word (lower case) is one of these: "CCTV footage". */
  notBefore?: readonly string[];
  /**
   * The alias counts only next to one of these words (lower case): the previous word in `prev`
   * ("on X") or the next word in `next` ("X account"). A one-letter name needs it.
   */
  onlyNear?: { prev: readonly string[]; next: readonly string[] };
};

const PLATFORM_CONTEXT = {
  prev: ['on', 'to', 'via', 'across', 'from', 'onto'],
  next: ['account', 'accounts', 'post', 'posts', 'user', 'users', 'feed', 'handle', 'platform', 'page', 'formerly', 'owner'],
};

/** Words around a name that is also an ordinary word when it means an outlet ("told Dawn", "the newspaper Dawn"). */
const OUTLET_CONTEXT = {
  prev: ['to', 'told', 'telling', 'newspaper', 'daily', 'agency', 'by', 'with', 'in', 'tells'],
  next: ['newspaper', 'daily', 'reported', 'reports', 'said', 'says', 'quoted', 'news', 'agency', 'reporter', 'correspondent'],
};

/** Words around a journal's name that is also an ordinary word ("published in Nature", "the journal Nature"). */
const JOURNAL_CONTEXT = {
  prev: ['in', 'journal', 'to', 'the', 'by'],
  next: ['journal', 'study', 'paper', 'reported', 'published', 'said', 'says', 'editorial'],
};

/** Guards for built-in aliases, by the alias as written in the registry. */
export const BUILTIN_ALIAS_GUARDS: ReadonlyMap<string, AliasGuard> = new Map<string, AliasGuard>([
  ['X', { onlyNear: PLATFORM_CONTEXT }],
  ['CCTV', { notBefore: ['footage', 'camera', 'cameras', 'images', 'image', 'video', 'videos', 'system', 'systems', 'recording', 'recordings', 'surveillance', 'operator'] }],
  ['Sputnik', { notBefore: ['v', 'vaccine', 'satellite', 'moment'] }],
  ['Fars', { notBefore: ['province'] }],
  ['Guardian', { notBefore: ['council', 'angels'] }],
  ['Nikkei', { notBefore: ['index', 'average', 'stock', '225'] }],
  ['Bloomberg', { notBefore: ['philanthropies', 'administration', 'school'] }],
  // Ordinary words and names that are also outlets or platforms: only in an outlet's context.
  ['Dawn', { onlyNear: OUTLET_CONTEXT }],
  ['Nature', { onlyNear: JOURNAL_CONTEXT, notBefore: ['reserve', 'reserves', 'park', 'conservancy', 'trust', 'conservation'] }],
  ['Lancet', { onlyNear: JOURNAL_CONTEXT }],
  ['Times', { onlyNear: { prev: ['the', 'to'], next: [] }, notBefore: ['square', 'higher', 'educational', 'literary', 'table', 'tables', 'union', 'new', 'radio'] }],
  ['Telegraph', { onlyNear: { prev: ['the', 'to', 'daily'], next: [] }, notBefore: ['agency', 'office', 'pole', 'poles', 'company'] }],
  ['Economist', { onlyNear: { prev: ['the', 'to'], next: [] }, notBefore: ['intelligence', 'impact'] }],
  ['New Yorker', { onlyNear: { prev: ['the', 'to'], next: [] } }],
  ['Threads', { onlyNear: PLATFORM_CONTEXT }],
  ['Rumble', { onlyNear: PLATFORM_CONTEXT }],
  ['Asahi', { notBefore: ['beer', 'breweries', 'group', 'glass', 'kasei'] }],
  ['Corriere', { notBefore: ['dello', 'del', 'di'] }],
  ['Granma', { notBefore: ['province'] }],
  ['Zvezda', { notBefore: ['shipyard', 'factory', 'plant'] }],
  ['Antara', { onlyNear: OUTLET_CONTEXT }],
  ['Lusa', { onlyNear: OUTLET_CONTEXT }],
  ['Liberation', { onlyNear: OUTLET_CONTEXT }],
  ['ABC', { notBefore: ['islands'] }],
]);

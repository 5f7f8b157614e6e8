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
  { name: 'Politico', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Axios', type: 'newspaper-broadcaster', country: 'US' },
  { name: 'Kommersant', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Izvestia', type: 'newspaper-broadcaster', country: 'RU' },
  { name: 'Meduza', type: 'newspaper-broadcaster', country: 'LV' },
  { name: 'The Kyiv Independent', aliases: ['Kyiv Independent'], type: 'newspaper-broadcaster', country: 'UA', id: 'kyiv-independent' },
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

/** Guards for built-in aliases, by the alias as written in the registry. */
export const BUILTIN_ALIAS_GUARDS: ReadonlyMap<string, AliasGuard> = new Map<string, AliasGuard>([
  ['X', { onlyNear: PLATFORM_CONTEXT }],
  ['CCTV', { notBefore: ['footage', 'camera', 'cameras', 'images', 'image', 'video', 'videos', 'system', 'systems', 'recording', 'recordings', 'surveillance', 'operator'] }],
  ['Sputnik', { notBefore: ['v', 'vaccine', 'satellite', 'moment'] }],
  ['Fars', { notBefore: ['province'] }],
  ['Guardian', { notBefore: ['council', 'angels'] }],
  ['Nikkei', { notBefore: ['index', 'average', 'stock', '225'] }],
  ['Bloomberg', { notBefore: ['philanthropies', 'administration', 'school'] }],
]);

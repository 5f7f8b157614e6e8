/**
 * A deterministic news page for the browser benchmarks: the paragraphs of
 * `generateParagraphs` (bench/generate-article.ts) as the body of an article, with inline
 * elements (<a>, <em>, <strong>) that split sentences across text nodes, and the chrome a real
 * news site has around it: a header with a nav, a headline, a byline, a figure with a caption,
 * a sidebar (<aside>), a footer, a stylesheet and a JSON-LD script.
 *
 * The article body is written with no whitespace between paragraphs, so
 * `.article-body`'s textContent is exactly the paragraphs concatenated, and `ArticlePage.text`
 * (the paragraphs joined by "\n\n") is exactly what Sourcemark's `extractText(document.body)`
 * reads: the headline, byline, caption and chrome are all skipped by extraction.
 */
import { DEFAULT_SEED, generateParagraphs, seededRandom } from './generate-article';

/** A generated page and what the benchmarks need to know about it. */
export type ArticlePage = {
  html: string;
  /** The article's paragraphs (plain text; the HTML adds only inline elements around words). */
  paragraphs: string[];
  /** The article text as extraction reads it: paragraphs joined by "\n\n". Its length is the page's size. */
  text: string;
  /** Inline elements written into the body. */
  inlineElements: number;
};

/** One-word names wrapped in a topic link when they occur (mark.js's keywords among them). */
const LINKED_NAMES = ['KCNA', 'Yonhap', 'TASS', 'Telegram', 'Reuters', 'Xinhua', 'Interfax', 'AFP', 'Kyodo', 'Bloomberg', 'Facebook', 'YouTube'];
const LINKED = new RegExp(`^([“"(]?)(${LINKED_NAMES.join('|')})([.,;:!?”"')]*)$`);

const SECTIONS = ['World', 'Asia', 'Europe', 'Business', 'Politics', 'Technology', 'Science', 'Opinion', 'Sport', 'Culture', 'Video', 'Podcasts'];
const MOST_READ = [
  'Grain corridor talks stall again as insurers balk at the risk',
  'What the new export rules mean for small manufacturers',
  'Five charts that explain the winter energy squeeze',
  'Port city braces for the heaviest storm in a decade',
  'Inside the race to rebuild the northern power grid',
  'Opinion: the sanctions debate needs fewer slogans',
  'Central bank holds rates, signals caution on inflation',
  'The quiet diplomacy behind the prisoner exchange',
];

/** Escape text for an HTML text node. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A paragraph as HTML: topic links around known outlet names, and random <em>, <strong> and <a>
 * spans over whole words, some of which cross a sentence boundary ("holiday. The").
 * Returns the HTML and how many elements it added; its text content is `paragraph` exactly.
 */
function paragraphHtml(paragraph: string, rnd: () => number): { html: string; elements: number } {
  // Words and the whitespace between them, alternating (even indices are words).
  const tokens = paragraph.split(/(\s+)/);
  const wordCount = Math.ceil(tokens.length / 2);
  const open: string[] = new Array(wordCount).fill('');
  const close: string[] = new Array(wordCount).fill('');
  const taken: boolean[] = new Array(wordCount).fill(false);
  const whole: boolean[] = new Array(wordCount).fill(false); // wrapped as one word, punctuation outside
  let elements = 0;

  const free = (from: number, to: number) => {
    for (let i = from; i <= to; i++) if (i < 0 || i >= wordCount || taken[i]) return false;
    return true;
  };
  const wrap = (from: number, to: number, tag: string, attrs = '') => {
    for (let i = from; i <= to; i++) taken[i] = true;
    open[from] = `<${tag}${attrs}>`;
    close[to] = `</${tag}>`;
    elements++;
  };

  for (let w = 0; w < wordCount; w++) {
    const word = tokens[w * 2] ?? '';
    const m = LINKED.exec(word);
    if (m && rnd() < 0.6) {
      taken[w] = true;
      whole[w] = true;
      elements++;
    }
  }
  const spans: [string, number, number, string][] = [
    ['em', 1, 3, ''],
    ['strong', 2, 4, ''],
    ['a', 2, 5, ' href="/news/related"'],
  ];
  for (const [tag, minWords, maxWords, attrs] of spans) {
    if (rnd() > 0.55) continue;
    const length = minWords + Math.floor(rnd() * (maxWords - minWords + 1));
    const from = Math.floor(rnd() * Math.max(1, wordCount - length + 1));
    const to = Math.min(wordCount - 1, from + length - 1);
    if (free(from, to)) wrap(from, to, tag, attrs);
  }

  let html = '';
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] ?? '';
    if (t % 2 === 1) {
      html += escapeHtml(token);
      continue;
    }
    const w = t / 2;
    if (whole[w]) {
      const m = LINKED.exec(token);
      if (m) {
        const [, lead = '', name = '', trail = ''] = m;
        html += `${escapeHtml(lead)}<a href="/topic/${name.toLowerCase()}">${escapeHtml(name)}</a>${escapeHtml(trail)}`;
        continue;
      }
    }
    html += `${open[w] ?? ''}${escapeHtml(token)}${close[w] ?? ''}`;
  }
  return { html, elements };
}

/** Options of `generatePage`. */
export type PageOptions = {
  /**
   * A plain paragraph put before the article's first (an editor's note added after publication):
   * every later offset moves, the rest of the page (text and markup) stays the same.
   */
  leadParagraph?: string;
};

/** A full news page around about `targetChars` characters of article text. */
export function generatePage(targetChars: number, seed: number = DEFAULT_SEED, options: PageOptions = {}): ArticlePage {
  const generated = generateParagraphs(targetChars, seed);
  const rnd = seededRandom(seed ^ 0x5eed);
  let inlineElements = 0;
  const body =
    (options.leadParagraph === undefined ? '' : `<p>${escapeHtml(options.leadParagraph)}</p>`) +
    generated
      .map((p) => {
        const { html, elements } = paragraphHtml(p, rnd);
        inlineElements += elements;
        return `<p>${html}</p>`;
      })
      .join('');
  const paragraphs = options.leadParagraph === undefined ? generated : [options.leadParagraph, ...generated];
  const headline = 'Talks resume as both sides trade claims over the border incident';
  const nav = SECTIONS.map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join('\n        ');
  const mostRead = MOST_READ.map((h, i) => `<li><a href="/news/${i + 1}">${escapeHtml(h)}</a></li>`).join('\n        ');
  const footerLinks = ['About us', 'Contact', 'Corrections', 'Privacy', 'Terms', 'Advertise', 'Careers', 'Newsletters']
    .map((s) => `<li><a href="/${s.toLowerCase().replace(/\s+/g, '-')}">${s}</a></li>`)
    .join('\n        ');
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    datePublished: '2025-06-11T08:00:00Z',
    author: [{ '@type': 'Person', name: 'Staff Reporter' }],
  });
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(headline)} | The Northern Ledger</title>
  <link rel="canonical" href="/news/2025/06/11/talks-resume">
  <style>
    body { margin: 0; font: 18px/1.6 Georgia, serif; color: #1a1a1a; background: #fff; }
    .site-header { display: flex; align-items: center; gap: 24px; padding: 12px 32px; border-bottom: 1px solid #ddd; font-family: sans-serif; }
    .site-header nav ul { display: flex; gap: 16px; list-style: none; margin: 0; padding: 0; }
    .site-header a { color: #222; text-decoration: none; }
    .ticker { background: #b00; color: #fff; padding: 4px 32px; font: 14px sans-serif; }
    main { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 48px; max-width: 1140px; margin: 24px auto; padding: 0 32px; }
    h1 { font-size: 2.2em; line-height: 1.2; margin: 0 0 12px; }
    .byline { font: 14px sans-serif; color: #555; margin-bottom: 16px; }
    figure { margin: 0 0 24px; } figure img { display: block; width: 100%; height: auto; background: #ccc; }
    figcaption { font: 13px sans-serif; color: #666; margin-top: 6px; }
    .article-body p { margin: 0 0 1em; }
    .article-body a { color: #0645ad; }
    aside.sidebar { font-family: sans-serif; font-size: 15px; border-left: 1px solid #eee; padding-left: 24px; }
    footer { border-top: 1px solid #ddd; padding: 24px 32px; font: 14px sans-serif; color: #555; }
    footer ul { display: flex; flex-wrap: wrap; gap: 16px; list-style: none; padding: 0; }
  </style>
  <script type="application/ld+json">${jsonLd.replace(/</g, '\\u003c')}</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">The Northern Ledger</a>
    <nav aria-label="Sections">
      <ul>
        ${nav}
      </ul>
    </nav>
    <form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button type="submit">Search</button></form>
  </header>
  <header class="ticker"><strong>Live:</strong> Markets open lower as energy prices climb</header>
  <main>
    <article>
      <h1>${escapeHtml(headline)}</h1>
      <div class="byline">By <span>Staff Reporter</span> · <time datetime="2025-06-11T08:00:00Z">11 June 2025</time></div>
      <figure>
        <img alt="Delegations arrive for the talks" width="760" height="428">
        <figcaption>Delegations arrive for the talks on Wednesday. (Photo: Staff Photographer)</figcaption>
      </figure>
      <div class="article-body">${body}</div>
    </article>
    <aside class="sidebar">
      <h2>Most read</h2>
      <ol>
        ${mostRead}
      </ol>
      <h2>Newsletter</h2>
      <form action="/subscribe"><input type="email" name="email" placeholder="Your email"><button type="submit">Sign up</button></form>
    </aside>
  </main>
  <footer>
    <ul>
        ${footerLinks}
    </ul>
    <p>© 2025 The Northern Ledger. All rights reserved.</p>
  </footer>
</body>
</html>
`;
  return { html, paragraphs, text: paragraphs.join('\n\n'), inlineElements };
}

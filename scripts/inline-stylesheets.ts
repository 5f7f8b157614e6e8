/**
 * A build step (a Vite plugin, wired in wxt.config.ts): the stylesheet of the named HTML pages is
 * put in the page itself, as a `<style>`, instead of a `<link>` to a file of its own. A linked
 * stylesheet blocks the first paint until the browser has fetched it, and an extension page's
 * files come through the browser process one request at a time: on a busy machine that fetch
 * delayed the popup's first paint by tens of milliseconds (a static page with the popup's CSS
 * linked: 140 ms to first paint, inlined: 97 ms, measured side by side). MV3's content security
 * policy forbids inline scripts, not inline styles.
 */
import type { Plugin } from 'vite';

/** `<link rel="stylesheet" … href="/assets/x.css">` as Vite writes it into a built page. */
const STYLESHEET_LINK = /<link\s+rel="stylesheet"[^>]*?\shref="\/?([^"]+\.css)"[^>]*>/g;

/**
 * Inline the stylesheets linked from the pages whose source path ends with one of `pages`
 * (e.g. `entrypoints/popup/index.html`), and drop the stylesheet files no other page links.
 */
export function inlineStylesheets(pages: readonly string[]): Plugin {
  const inlined = new Set<string>();
  return {
    name: 'sourcemark:inline-stylesheets',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle || !pages.some((page) => context.path.endsWith(page))) return html;
        return html.replace(STYLESHEET_LINK, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          // A stylesheet that could end the <style> element early stays a file.
          if (/<\/style/i.test(css)) return tag;
          inlined.add(file);
          return `<style>${css}</style>`;
        });
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const pagesHtml = Object.values(bundle)
          .filter((file) => file.type === 'asset' && file.fileName.endsWith('.html'))
          .map((file) => (file.type === 'asset' ? String(file.source) : ''));
        for (const file of inlined) {
          if (!pagesHtml.some((html) => html.includes(file))) delete bundle[file];
        }
      },
    },
  };
}

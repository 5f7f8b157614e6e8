/**
 * The article text the content script would analyse, from an HTML file, in Node: the same
 * `extractText` the extension runs, over a DOM parsed by happy-dom (scripts are not run).
 */
import { Window } from 'happy-dom';
import { extractText } from '../lib/anchor/dom-text';

/** Parse `html` and extract its readable text as the content script does. */
export function htmlToText(html: string): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    return doc.body ? extractText(doc.body as unknown as Element).text : '';
  } finally {
    void window.happyDOM.close();
  }
}

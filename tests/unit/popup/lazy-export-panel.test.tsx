// @vitest-environment happy-dom
/** The popup's export panel loads its code when first opened, then is the same panel. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LazyExportPanel } from '../../../components/LazyExportPanel';
import type { ExportRunner } from '../../../lib/store/exchange-export';
import { waitFor } from './dom-helpers';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const run: ExportRunner = async () => {
  throw new Error('not in this test');
};

describe('LazyExportPanel', () => {
  it('says it is loading, then shows the export panel with the choices given', async () => {
    render(<LazyExportPanel choices={[{ id: 'page', label: 'This page’s annotations', scope: { kind: 'page', url: 'https://news.example/a' } }]} run={run} />, container);
    expect(container.textContent).toContain('Loading the export choices');
    await waitFor(() => expect(container.textContent).toContain('This page’s annotations'));
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect([...container.querySelectorAll('button')].some((b) => /Export/.test(b.textContent ?? ''))).toBe(true);
  });
});

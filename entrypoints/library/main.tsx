// Wiring only: the real db, the export port over `browser.runtime`, the URL, and the Library page.
// Logic lives in lib/library, lib/store and components/library.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryPage } from '../../components/library/LibraryPage';
import { createSelectionExportPort } from '../../lib/library/ports';
import { openDb } from '../../lib/store/db';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('library.html has no #app element to render into.');

render(
  <LibraryPage
    db={openDb()}
    exportSelection={createSelectionExportPort(browser.runtime)}
    initialSearch={location.search}
    replaceSearch={(search) => history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`)}
  />,
  root,
);

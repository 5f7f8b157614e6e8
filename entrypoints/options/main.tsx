// Wiring only: the real db, the settings in storage.local, open tabs to notify, the prefill from the URL, and the Sources page. Logic lives in lib/ and components/.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SourceRegistryPage } from '../../components/SourceRegistryPage';
import { createSettingsStore } from '../../lib/settings/storage';
import { notifyOpenPages } from '../../lib/sources/notify-pages';
import { parsePrefill } from '../../lib/sources/prefill';
import { openDb } from '../../lib/store/db';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element to render into.');

render(
  <SourceRegistryPage
    db={openDb()}
    prefill={parsePrefill(location.search)}
    settings={createSettingsStore(browser.storage)}
    notifyPages={() => notifyOpenPages(browser.tabs)}
  />,
  root,
);

// Wiring only: real ports from `browser`, the real db, and PopupApp. Logic lives in lib/popup and components.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createExportPort, createOptionsPort, createPagePort, createShortcutPort, resolveTargetTab } from '../../lib/popup/ports';
import { createSettingsStore } from '../../lib/settings/storage';
import { openDb } from '../../lib/store/db';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('popup.html has no #app element to render into.');

const page = createPagePort(browser.tabs, () => resolveTargetTab(location.search, browser.tabs));
const openOptions = createOptionsPort(browser);
const settings = createSettingsStore(browser.storage);
render(
  <PopupApp
    db={openDb()}
    page={page}
    exportJson={createExportPort(browser.runtime)}
    openOptions={openOptions}
    settings={settings}
    shortcut={createShortcutPort(browser.commands)}
  />,
  root,
);

/**
 * The popup's two highlight switches: "Highlights on this site" and "Highlights everywhere".
 * Native checkboxes with `role="switch"`, so keyboards (Space) and screen readers ("switch, on")
 * work as they expect; each has a visible label.
 */
import type { HighlightState, Settings } from '../lib/settings/settings';

/** Props of `HighlightSwitches`. */
export type HighlightSwitchesProps = {
  /** The tab's site ('' when it has none: the per-site switch is not shown). */
  site: string;
  /** The stored settings; null while loading. */
  settings: Settings | null;
  /** True while a change is being saved (the switches wait). */
  saving: boolean;
  /** Turn highlights on this site on or off. */
  onSite(on: boolean): void;
  /** Turn highlights everywhere on or off. */
  onEverywhere(on: boolean): void;
};

/** Why the page shows no highlights, in words; null when it does. */
export function highlightsOffMessage(state: HighlightState, site: string): string | null {
  if (state === 'off-everywhere') return 'Highlights are off everywhere. Turn on “Highlights everywhere” to mark claims again.';
  if (state === 'off-site') return `Highlights are off on ${site || 'this site'}. Turn on “Highlights on this site” to mark its claims.`;
  return null;
}

/** The two switches. */
export function HighlightSwitches({ site, settings, saving, onSite, onEverywhere }: HighlightSwitchesProps) {
  const everywhere = settings?.highlights ?? true;
  const onThisSite = settings ? !settings.disabledSites.includes(site) : true;
  const disabled = settings === null || saving;
  return (
    <fieldset class="highlight-switches" data-testid="highlight-switches">
      <legend class="visually-hidden">Highlights</legend>
      {site !== '' && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={onThisSite}
            disabled={disabled}
            aria-describedby="highlight-site-name"
            onChange={(event) => onSite(event.currentTarget.checked)}
          />
          <span>Highlights on this site</span>
          <span class="switch-detail" id="highlight-site-name">
            {site}
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={everywhere}
          disabled={disabled}
          onChange={(event) => onEverywhere(event.currentTarget.checked)}
        />
        <span>Highlights everywhere</span>
      </label>
    </fieldset>
  );
}

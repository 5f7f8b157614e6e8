/**
 * Styles of Sourcemark's UI inside its shadow root (tags and the claim card). The shadow root
 * keeps page CSS out; these rules reset what is inherited through the host and set a light and a
 * dark theme, so the UI reads the same on any page.
 */

/** The stylesheet of the shadow root. */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.sm-tag, .sm-card, .sm-editor, .sm-notice {
  pointer-events: auto;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  --sm-fg: #1f2328;
  --sm-muted: #57606a;
  --sm-bg: #ffffff;
  --sm-border: #d0d7de;
  --sm-tag-fg: #3d2e00;
  --sm-tag-bg: #fff3c4;
  --sm-tag-border: #c99a00;
  --sm-ann-fg: #0d3d14;
  --sm-ann-bg: #dcf5df;
  --sm-ann-border: #2e7d32;
  --sm-focus: #0969da;
  --sm-reliable: #1a7f37;
  --sm-mixed: #b26b00;
  --sm-unreliable: #cf222e;
}
@media (prefers-color-scheme: dark) {
  .sm-tag, .sm-card, .sm-editor, .sm-notice {
    --sm-fg: #e6edf3;
    --sm-muted: #9da7b3;
    --sm-bg: #1c2128;
    --sm-border: #444c56;
    --sm-tag-fg: #fff3c4;
    --sm-tag-bg: #5c4700;
    --sm-tag-border: #d6a800;
    --sm-ann-fg: #dcf5df;
    --sm-ann-bg: #1f4d27;
    --sm-ann-border: #57ab5a;
    --sm-focus: #58a6ff;
    --sm-reliable: #3fb950;
    --sm-mixed: #e3a008;
    --sm-unreliable: #ff7b72;
  }
}
.sm-tag {
  position: absolute;
  top: 0;
  left: 0;
  margin: 0;
  max-width: 260px;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  font-size: 10.5px;
  font-weight: 600;
  line-height: 13px;
  letter-spacing: 0;
  text-align: left;
  padding: 0 5px;
  border-radius: 8px;
  color: var(--sm-tag-fg);
  background: var(--sm-tag-bg);
  border: 1px solid var(--sm-tag-border);
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.2);
  cursor: pointer;
  opacity: 0.96;
}
.sm-tag[data-annotated="true"] {
  color: var(--sm-ann-fg);
  background: var(--sm-ann-bg);
  border-color: var(--sm-ann-border);
}
/* The source's credibility tier: a coloured edge matching the claim's underline (the tag's words say it too). */
.sm-tag[data-tier="reliable"] { border-left: 4px solid var(--sm-reliable); }
.sm-tag[data-tier="mixed"] { border-left: 4px dashed var(--sm-mixed); }
.sm-tag[data-tier="unreliable"] { border-left: 4px solid var(--sm-unreliable); }
.sm-tag[data-tier="propaganda"] { border-left: 4px double var(--sm-unreliable); }
.sm-tag:hover, .sm-tag[aria-expanded="true"] { opacity: 1; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); }
/* Every control in the card (buttons, and any field an editor adds) shows where the focus is. */
.sm-tag:focus-visible, .sm-card:focus-visible, .sm-card :focus-visible,
.sm-editor :focus-visible {
  outline: 2px solid var(--sm-focus);
  outline-offset: 2px;
}
.sm-tag[data-placed="false"] { visibility: hidden; }
/* The claim card and the manual annotation editor share one floating-panel look. */
.sm-card, .sm-editor {
  position: absolute;
  top: 0;
  left: 0;
  padding: 12px 14px;
  color: var(--sm-fg);
  background: var(--sm-bg);
  border: 1px solid var(--sm-border);
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  font-size: 13px;
  line-height: 1.45;
  text-align: left;
}
.sm-card {
  /* Above the tags that follow it in the DOM (it sits right after its own tag, for tab order). */
  z-index: 1;
  width: min(380px, calc(100vw - 16px));
  max-height: min(480px, calc(100vh - 16px));
  overflow: auto;
}
.sm-card[hidden] { display: none; }
.sm-card-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.sm-card-title { font-weight: 700; font-size: 13px; margin: 0; }
.sm-card-close {
  font: inherit;
  font-size: 16px;
  line-height: 1;
  padding: 2px 6px;
  color: var(--sm-muted);
  background: transparent;
  border: 1px solid transparent;
  border-radius: 4px;
  cursor: pointer;
}
.sm-card-close:hover { color: var(--sm-fg); border-color: var(--sm-border); }
.sm-card-quote {
  margin: 0 0 10px;
  padding: 0 0 0 10px;
  border-left: 3px solid var(--sm-tag-border);
  color: var(--sm-fg);
  font-style: italic;
}
.sm-card[data-annotated="true"] .sm-card-quote { border-left-color: var(--sm-ann-border); }
.sm-card-quote.sm-card-previous { margin: 2px 0 4px; color: var(--sm-muted); border-left-style: dashed; }
.sm-card-section { margin: 8px 0 0; }
.sm-card-heading { margin: 0 0 2px; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--sm-muted); }
.sm-card ul { margin: 0; padding: 0 0 0 16px; }
.sm-card li { margin: 2px 0; }
.sm-card-source { font-weight: 700; }
.sm-card-detail { color: var(--sm-muted); }
.sm-card p { margin: 2px 0; }
/* The manual annotation editor: a card-like form below the selection. */
.sm-editor {
  z-index: 2;
  width: min(360px, calc(100vw - 16px));
}
.sm-editor[hidden], .sm-notice[hidden] { display: none; }
.sm-editor .sm-card-quote { max-height: 6.5em; overflow: auto; }
.sm-field { display: grid; gap: 2px; margin: 6px 0 0; }
.sm-field label { font-weight: 600; }
.sm-editor textarea, .sm-editor input, .sm-editor select {
  font: inherit;
  color: var(--sm-fg);
  background: var(--sm-bg);
  border: 1px solid var(--sm-border);
  border-radius: 4px;
  padding: 3px 6px;
  width: 100%;
}
.sm-editor p { margin: 2px 0; }
.sm-editor-status { min-height: 1.45em; color: var(--sm-fg); }
.sm-editor-actions { display: flex; gap: 8px; margin-top: 6px; }
.sm-editor-actions button {
  font: inherit;
  font-weight: 600;
  padding: 3px 12px;
  border-radius: 4px;
  border: 1px solid var(--sm-focus);
  color: #ffffff;
  background: var(--sm-focus);
  cursor: pointer;
}
.sm-editor-actions button.sm-secondary { color: var(--sm-fg); background: transparent; border-color: var(--sm-border); }
@media (prefers-color-scheme: dark) {
  .sm-editor-actions button:not(.sm-secondary) { color: #0d1117; }
}
/* A short message ("select some text first"), at the top of the viewport. */
.sm-notice {
  position: fixed;
  z-index: 3;
  top: 8px;
  left: 8px;
  max-width: min(420px, calc(100vw - 16px));
  margin: 0;
  padding: 8px 12px;
  color: var(--sm-fg);
  background: var(--sm-bg);
  border: 1px solid var(--sm-border);
  border-left: 4px solid var(--sm-focus);
  border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
  font-size: 13px;
}
/* Windows high contrast and other forced colours: system colours, and borders that stay visible. */
@media (forced-colors: active) {
  .sm-tag, .sm-card, .sm-editor, .sm-notice { forced-color-adjust: auto; border: 1px solid CanvasText; }
  .sm-tag:focus-visible, .sm-card :focus-visible, .sm-editor :focus-visible { outline-color: Highlight; }
}
@media print {
  .sm-tag, .sm-card, .sm-editor, .sm-notice { display: none; }
}
`;

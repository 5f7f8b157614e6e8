/** Small DOM helpers for driving Preact components in happy-dom with real events. */

/**
 * Poll `check` (sync or async) until it stops throwing, then return its value; after `timeoutMs`,
 * fail with its last error, so a failing wait shows the assertion that never held.
 */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The form control whose `<label>` text is exactly `text`, inside `root`. */
export function getByLabel<T extends HTMLElement = HTMLElement>(root: ParentNode, text: string): T {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.trim() === text);
  if (labels.length !== 1) throw new Error(`Expected one label "${text}", found ${labels.length}`);
  const id = labels[0]?.getAttribute('for');
  const control = id ? (root.querySelector(`[id="${id}"]`) ?? document.getElementById(id)) : null;
  if (!control) throw new Error(`Label "${text}" points to no control`);
  return control as T;
}

/** The button whose text is exactly `name`, inside `root`. */
export function getButton(root: ParentNode, name: string): HTMLButtonElement {
  const buttons = [...root.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);
  if (buttons.length !== 1) throw new Error(`Expected one button "${name}", found ${buttons.length}`);
  return buttons[0] as HTMLButtonElement;
}

/** Type into a text field: set the value and fire `input`, as a keystroke would. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Choose an option of a `<select>` and fire `change`. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The text of an element with whitespace collapsed. */
export function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

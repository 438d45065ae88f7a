/**
 * The demo's control panel state lives in its form: the HTML gives every control its default, the
 * address bar holds the controls that differ from it, so a designer can share a link to a look.
 */

type Control = HTMLInputElement | HTMLSelectElement;

/** The form's inputs and selects, in document order. */
export function controlsOf(form: HTMLFormElement): Control[] {
  return [...form.elements].filter((element): element is Control => element instanceof HTMLInputElement || element instanceof HTMLSelectElement);
}

/** True when the control no longer holds the value its HTML gave it. */
export function isChanged(control: Control): boolean {
  if (control instanceof HTMLSelectElement) return !control.selectedOptions[0]?.defaultSelected;
  if (control.type === 'radio') return control.checked !== control.defaultChecked;
  return control.value !== control.defaultValue;
}

/** The value of a named control or radio group. */
export function valueOf(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field instanceof RadioNodeList || field instanceof HTMLSelectElement || field instanceof HTMLInputElement ? field.value : '';
}

/** The changed controls as query parameters: `?theme=dark&font-size=1.25`. */
export function changedValues(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const control of controlsOf(form)) {
    const unchosenRadio = control instanceof HTMLInputElement && control.type === 'radio' && !control.checked;
    if (control.name && isChanged(control) && !unchosenRadio) params.set(control.name, control.value);
  }
  return params;
}

/** Sets the controls named in `params`; unknown names and values no control offers are ignored. */
export function restoreValues(form: HTMLFormElement, params: URLSearchParams): void {
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLSelectElement && ![...field.options].some((option) => option.value === value)) continue;
    if (field instanceof RadioNodeList || field instanceof HTMLSelectElement || field instanceof HTMLInputElement) field.value = value;
  }
}

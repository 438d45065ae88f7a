/**
 * Turns the theme panel's controls into `--lede-*` declarations. A control names its token in
 * `data-token`; ranges add `data-unit`, font selects give each option's stack in `data-css`, and
 * colour inputs come in pairs (`data-side="light|dark"`) that become one `light-dark()` value.
 * Only tokens whose controls moved from their defaults are declared.
 */
import { tokenDefaults } from '../src/shared/tokens.js';
import { controlsOf, isChanged } from './form-state.js';

/** Token name → CSS value, in panel order. */
export type Declarations = Map<string, string>;

/** The spacing steps' defaults in rem; the spacing range scales them all. */
const spacingSteps = Object.fromEntries((['xs', 's', 'm', 'l', 'xl'] as const).map((step) => [step, Number.parseFloat(tokenDefaults[`space-${step}`])]));

function declareColourPair(declarations: Declarations, token: string, pair: HTMLInputElement[]): void {
  const light = pair.find((input) => input.dataset.side === 'light');
  const dark = pair.find((input) => input.dataset.side === 'dark');
  if (light && dark && pair.some(isChanged)) declarations.set(token, `light-dark(${light.value}, ${dark.value})`);
}

function declareSpacing(declarations: Declarations, scale: number): void {
  for (const [step, rem] of Object.entries(spacingSteps)) {
    declarations.set(`--lede-space-${step}`, `${Number((rem * scale).toFixed(4))}rem`);
  }
}

/** The declarations the form describes. */
export function declarationsFrom(form: HTMLFormElement): Declarations {
  const declarations: Declarations = new Map();
  const colourPairs = new Map<string, HTMLInputElement[]>();
  for (const control of controlsOf(form)) {
    const token = control.dataset.token;
    if (control instanceof HTMLInputElement && control.type === 'color' && token) {
      colourPairs.set(token, [...(colourPairs.get(token) ?? []), control]);
    } else if (control.name === 'spacing' && isChanged(control)) {
      declareSpacing(declarations, Number(control.value));
    } else if (token && isChanged(control)) {
      const value = control instanceof HTMLSelectElement ? control.selectedOptions[0]?.dataset.css : `${control.value}${control.dataset.unit ?? ''}`;
      if (value) declarations.set(token, value);
    }
  }
  for (const [token, pair] of colourPairs) declareColourPair(declarations, token, pair);
  return declarations;
}

/** Replaces the `--lede-*` properties on `target`'s inline style with `declarations`. */
export function applyDeclarations(target: HTMLElement, declarations: Declarations): void {
  for (const name of [...target.style]) if (name.startsWith('--lede-')) target.style.removeProperty(name);
  for (const [name, value] of declarations) target.style.setProperty(name, value);
}

/** The declarations as a rule for the elements named in `tags`, to paste into a stylesheet. */
export function toCss(tags: string[], declarations: Declarations): string {
  if (declarations.size === 0) return '/* All tokens at their defaults: move a control to see it here. */';
  const lines = [...declarations].map(([name, value]) => `  ${name}: ${value};`);
  return `${tags.join(',\n')} {\n${lines.join('\n')}\n}`;
}

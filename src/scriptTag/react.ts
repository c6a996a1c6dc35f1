import { useState } from 'preact/hooks';

/**
 * What `react` is in the script-tag build: `preact/compat`, with a `useId` whose ids are unique in
 * the whole page. Preact's own numbers ids per render root, so two selectors on one page would
 * get the same ids, and the second one's labels (`for`, `aria-labelledby`, `aria-controls`) would
 * point into the first. React's are unique across roots; these are too. The prefix keeps them
 * apart from React's (`«r0»`) when the ESM build runs on the same page.
 */
// @ts-expect-error preact/compat's types are `export =`, which `export *` cannot name; its module is plain ESM.
export * from 'preact/compat';
export { default } from 'preact/compat';

let last = 0;

export function useId(): string {
  const [id] = useState(() => `as-${(++last).toString(36)}`);
  return id;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_ATTRIBUTES, OPTION_NAMES } from '../../src/core/options.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The first column of the README's options table. */
function documentedOptions(): string[] {
  const section = readme.slice(readme.indexOf('### Options'), readme.indexOf('### What a person can do'));
  return [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!);
}

/** The attributes the README's custom-element section names: "String options are attributes (`a`, `b`, …)". */
function documentedAttributes(): string[] {
  const sentence = /String options are attributes \(([^)]*)\)/.exec(readme)?.[1] ?? '';
  return [...sentence.matchAll(/`([\w-]+)(?:="[^"]*")?`/g)].map((m) => m[1]!);
}

// OPTION_NAMES is declared once in src/core/options.ts, typed to name exactly the keys of
// SelectorOptions; the option check and the element derive from it, the README is checked here.
describe('the README', () => {
  it('lists exactly the options there are, in the same order', () => {
    expect(OPTION_NAMES.length).toBeGreaterThan(10);
    expect(documentedOptions()).toEqual(OPTION_NAMES);
  });

  it('lists only options validateOptions accepts', () => {
    for (const name of documentedOptions()) {
      const message = (() => {
        try {
          validateOptions({ repository: 'http://127.0.0.1:4010', ...(name === 'repository' ? {} : { [name]: undefined }) });
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect({ name, message }).toEqual({ name, message: 'accepted' });
    }
    expect(() => validateOptions({ repository: 'http://127.0.0.1:4010', nope: 1 })).toThrow(/unknown option "nope"/);
  });

  it("names exactly the element's attributes", () => {
    expect(documentedAttributes().sort()).toEqual(Object.keys(OPTION_ATTRIBUTES).sort());
  });
});

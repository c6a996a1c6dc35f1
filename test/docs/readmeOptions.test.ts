import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';

const root = resolve(import.meta.dirname, '../..');

/** The option names of `SelectorOptions`, read from its declaration. */
function declaredOptions(): string[] {
  const source = readFileSync(resolve(root, 'src/core/options.ts'), 'utf8');
  const body = /export interface SelectorOptions \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s{2}(\w+)\??:/gm)].map((m) => m[1]!);
}

/** The first column of the README's options table. */
function documentedOptions(): string[] {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Options'), readme.indexOf('### What a person can do'));
  return [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!);
}

describe('the README options table', () => {
  it('lists exactly the options SelectorOptions declares, in the same order', () => {
    expect(declaredOptions().length).toBeGreaterThan(10);
    expect(documentedOptions()).toEqual(declaredOptions());
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
});

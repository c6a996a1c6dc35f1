import { describe, expect, it } from 'vitest';
import { asSelectorError, SelectorError } from '../../src/core/selectorError.ts';

describe('SelectorError', () => {
  it('is recognised by instanceof across copies of the module (the ESM entries each carry one)', async () => {
    // A second instance of the module, as `asset-selector/core` is beside `asset-selector` in a host's bundle.
    const secondCopy = '../../src/core/selectorError.ts?second-copy';
    const other = (await import(/* @vite-ignore */ secondCopy)) as typeof import('../../src/core/selectorError.ts');
    expect(other.SelectorError).not.toBe(SelectorError);
    const theirs = new other.SelectorError('not-found', 'gone', { status: 404 });
    expect(theirs).toBeInstanceOf(SelectorError);
    expect(new SelectorError('network', 'offline')).toBeInstanceOf(other.SelectorError);
    // One copy's error passes through the other's asSelectorError unchanged, code and status kept.
    expect(asSelectorError(theirs)).toBe(theirs);
    expect(asSelectorError(theirs).status).toBe(404);
  });

  it('a subclass keeps the usual check: its instances are SelectorErrors, a plain SelectorError is not one of it', () => {
    class ListingError extends SelectorError {}
    const listing = new ListingError('invalid-response', 'bad listing');
    expect(listing).toBeInstanceOf(SelectorError);
    expect(listing).toBeInstanceOf(ListingError);
    expect(new SelectorError('invalid-response', 'other')).not.toBeInstanceOf(ListingError);
  });

  it('is not claimed by plain errors or look-alikes', () => {
    expect(new Error('x')).not.toBeInstanceOf(SelectorError);
    expect(Object.assign(new Error('x'), { name: 'SelectorError', code: 'network' })).not.toBeInstanceOf(SelectorError);
    expect(null).not.toBeInstanceOf(SelectorError);
    expect(asSelectorError('boom')).toBeInstanceOf(SelectorError);
    expect(asSelectorError('boom').code).toBe('invalid-response');
  });
});

import { describe, expect, it } from 'vitest';
import { requiresAuthorization } from '../../src/core/requiresAuthorization.ts';

describe('requiresAuthorization', () => {
  it('is true when the metadata names roles in dam:roles', () => {
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': ['marketing'] } })).toBe(true);
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': ['marketing', 'legal'] } })).toBe(true);
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': 'marketing' } })).toBe(true);
  });

  it('is false for public assets and for values that name no role', () => {
    expect(requiresAuthorization({ assetMetadata: {} })).toBe(false);
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': [] } })).toBe(false);
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': '' } })).toBe(false);
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': [' ', 3, null] } })).toBe(false);
    expect(requiresAuthorization({ assetMetadata: { 'dam:roles': { marketing: true } } })).toBe(false);
  });
});

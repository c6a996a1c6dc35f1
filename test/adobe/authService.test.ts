import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../src/adobe/authService.ts';

describe('the auth service', () => {
  it('keeps its props, and signIn() resolves with the configured token and sets imsToken', async () => {
    const received: string[] = [];
    const service = createAuthService({ env: 'prod', imsOrg: 'org@AdobeOrg', imsClientId: 'c', redirectUri: 'r', modalMode: true, onAccessTokenReceived: (t) => received.push(t) }, () => 'dev-token');
    expect(service).toMatchObject({ env: 'prod', imsOrg: 'org@AdobeOrg', imsClientId: 'c', redirectUri: 'r', modalMode: true, imsToken: undefined });
    expect(service.isSignedInUser()).toBe(false);
    expect(await service.signIn()).toBe('dev-token');
    expect(service.imsToken).toBe('dev-token');
    expect(service.getImsToken()).toBe('dev-token');
    expect(service.getAccessToken()).toBe('dev-token');
    expect(service.isSignedInUser()).toBe(true);
    expect(await service.triggerAuthFlow()).toBe('dev-token');
    expect(received).toEqual(['dev-token']);
    service.signOut();
    expect(service.isSignedInUser()).toBe(false);
  });

  it('calls a token function again on refreshToken()', async () => {
    let n = 0;
    const service = createAuthService({}, () => async () => `token-${++n}`);
    expect(await service.signIn()).toBe('token-1');
    expect(await service.refreshToken()).toBe('token-2');
    expect(service.imsToken).toBe('token-2');
  });

  it('reports through onErrorReceived, and resolves, when no token is configured or the function fails', async () => {
    const errors: string[] = [];
    const none = createAuthService({ onErrorReceived: (type) => errors.push(type) }, () => undefined);
    expect(await none.signIn()).toBeUndefined();
    const failing = createAuthService({ onErrorReceived: (type) => errors.push(type) }, () => () => Promise.reject(new Error('down')));
    expect(await failing.signIn()).toBeUndefined();
    expect(errors).toEqual(['noToken', 'tokenError']);
  });
});

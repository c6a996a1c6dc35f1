import { Injectable } from '@angular/core';

/**
 * Where a real host gets its IMS access token (its auth library, a backend endpoint). The selector
 * calls the function it is given before its first request and again after a 401, so an expired
 * token is renewed without a remount. Here: the emulator's development token (no roles).
 */
@Injectable({ providedIn: 'root' })
export class AuthTokenService {
  async accessToken(): Promise<string> {
    return 'dev-token';
  }
}

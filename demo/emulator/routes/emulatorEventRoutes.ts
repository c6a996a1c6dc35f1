import { canWrite, identifyCaller } from '../auth/caller.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { ProblemError } from '../http/problem.ts';
import { sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';

/**
 * `GET /_emulator/events`: the recent delivery events (newest first, at most 100) and how each
 * webhook received them. Events name assets that left delivery, so only authors (tokens that may
 * write) may list them.
 */
export function emulatorEventRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('GET', /^\/_emulator\/events$/, ({ req, res }) => {
    const caller = identifyCaller(req, 'bearer');
    if (!canWrite(caller)) throw new ProblemError(403, 'Authorization: the event list needs a token that may write (e.g. dev-token-editor)', 'Authorization');
    sendJson(req, res, { events: ctx.webhooks.recent() }, { cacheControl: 'no-store' });
  });
}

import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, type TestEmulator } from './emulatorFixture.ts';

let e: TestEmulator;
beforeAll(async () => {
  e = await startTestEmulator();
});
afterAll(() => e.close());
afterEach(() => vi.restoreAllMocks());

/** Writes raw bytes to the emulator and reads until it closes the connection (or 5 s pass). */
function exchange(raw: string, options: { close?: boolean; to?: TestEmulator } = {}): Promise<string> {
  const { port } = new URL((options.to ?? e).url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(raw);
      if (options.close) socket.destroy();
    });
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (out += chunk));
    socket.on('close', () => done(out));
    socket.on('error', fail);
    socket.setTimeout(5_000, () => fail(new Error(`no answer to ${JSON.stringify(raw.slice(0, 60))}`)));
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : undefined };
}

describe("requests Node's HTTP parser refuses are answered as problem+json", () => {
  it.each([
    ['a 70 KB URL', 431, 'headers', `GET /adobe/assets/${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['an 80 KB header', 431, 'headers', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(80_000)}\r\n\r\n`],
    ['a NUL byte in the path', 400, 'path', 'GET /adobe/assets/a\0b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a lower-case method', 400, 'method', 'get / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['Content-Length with Transfer-Encoding', 400, 'Transfer-Encoding', 'POST /adobe/assets/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['no Host header', 400, 'Host', 'GET /adobe/assets/imagePresets HTTP/1.1\r\n\r\n'],
  ])('%s: %i naming %s, then the connection closes', async (_, status, parameter, raw) => {
    const answer = parse(await exchange(raw));
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toMatchObject({ status, parameter, detail: expect.stringMatching(new RegExp(`^${parameter}: `)) });
  });

  it('keeps serving afterwards', async () => {
    expect((await e.fetch('/adobe/assets/imagePresets')).status).toBe(200);
  });
});

describe('a client that goes away mid-request', () => {
  it('is one line in the request log, no stack trace', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const logged = await startTestEmulator({ log: true });
    try {
      await exchange('POST /adobe/assets/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query": [', { close: true, to: logged });
      await vi.waitFor(() => expect(log.mock.calls.flat().join('\n')).toMatch(/POST \/adobe\/assets\/search aborted by the client/));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = [...log.mock.calls, ...error.mock.calls, ...warn.mock.calls].map((call) => call.map(String).join(' '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/\n|\bat /);
    } finally {
      await logged.close();
    }
  });

  it('without the request log, prints nothing', async () => {
    const quiet = await startTestEmulator();
    const spies = (['log', 'error', 'warn'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
    try {
      const { port } = new URL(quiet.url);
      await new Promise<void>((done) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /adobe/assets/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"q');
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => done());
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      await quiet.close();
    }
  });
});

/** One request of an upload: the file's, or a small JSON one (folder, approval, delete, probe). */
export interface UploadCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: Blob | string;
  /** Aborting rejects with its reason, and the request is dropped. */
  signal?: AbortSignal;
  /** Bytes of the body sent so far. */
  onProgress?(loaded: number, total: number): void;
  /** The whole body is on its way: from now on the repository may create the asset, whatever the client does. */
  onSent?(): void;
}

/** The answer: its status (0 when none came: offline, refused by CORS, the connection dropped) and body. */
interface UploadAnswer {
  status: number;
  text: string;
}

export type UploadTransport = (call: UploadCall) => Promise<UploadAnswer>;

/**
 * Sends through XMLHttpRequest, because `fetch` reports no upload progress: `upload.onprogress`
 * does. The token travels in the `Authorization` header the caller sets, never in the URL.
 */
export const xhrTransport: UploadTransport = (call) =>
  new Promise((resolve, reject) => {
    const { signal } = call;
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open(call.method, call.url);
    for (const [name, value] of Object.entries(call.headers)) xhr.setRequestHeader(name, value);
    // Listening on `upload` only for bodies: for a cross-origin request it forces a preflight.
    if (call.body !== undefined && (call.onProgress || call.onSent)) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) call.onProgress?.(event.loaded, event.total);
      };
      xhr.upload.onload = () => call.onSent?.();
    }
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, text: xhr.responseText });
    };
    xhr.onerror = xhr.ontimeout = () => {
      done();
      resolve({ status: 0, text: '' });
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException('The upload was aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(call.body ?? null);
  });

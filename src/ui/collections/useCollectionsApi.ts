import { useMemo } from 'react';
import { collectionsApi, type CollectionsApi } from '../../core/collectionClient.ts';
import { messagesEnCollections } from '../../i18n/messages.en.collections.ts';
import { addEnglish, SelectorError, useRepositoryClient, useSelector } from '../editorHost.ts';

// The part's English messages come with it (other languages' catalogs have them already).
addEnglish(messagesEnCollections);

/**
 * The collection operations over the selector's repository client, and the client's key for query
 * keys. In the script-tag build this part is a second script with its own copy of core's modules:
 * an error that copy made is rebuilt as the selector's SelectorError, so `onError`, ErrorState and
 * `instanceof` treat it as one of theirs.
 */
export function useCollectionsApi(): { api: CollectionsApi; key: number } {
  const { client, key } = useRepositoryClient();
  const repository = useSelector((s) => s.options.repository);
  return useMemo(() => {
    const api = collectionsApi(client, repository);
    const adopted = Object.fromEntries(
      Object.entries(api).map(([name, operation]) => [name, (...args: unknown[]) => (operation as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => Promise.reject(adopt(error)))]),
    ) as unknown as CollectionsApi;
    return { api: adopted, key };
  }, [client, repository, key]);
}

function adopt(error: unknown): unknown {
  if (error instanceof SelectorError || !(error instanceof Error) || error.name !== 'SelectorError') return error;
  const e = error as SelectorError;
  return new SelectorError(e.code, e.message, { ...(e.status === undefined ? {} : { status: e.status }), ...(e.problem ? { problem: e.problem } : {}), cause: error });
}

/** Whether the selector has a token: only then are the write controls offered (a token that may not write gets a clear 403 message). */
export const useMayWrite = () => useSelector((s) => s.options.token !== undefined);

import { useMemo } from 'react';
import { collectionsApi, type CollectionsApi } from '../../core/collectionClient.ts';
import { messagesEnCollections } from '../../i18n/messages.en.collections.ts';
import { addEnglish, useRepositoryClient, useSelector } from '../editorHost.ts';

// The part's English messages come with it (other languages' catalogs have them already).
addEnglish(messagesEnCollections);

/** The collection operations over the selector's repository client, and the client's key for query keys. */
export function useCollectionsApi(): { api: CollectionsApi; key: number } {
  const { client, key } = useRepositoryClient();
  const repository = useSelector((s) => s.options.repository);
  return useMemo(() => ({ api: collectionsApi(client, repository), key }), [client, repository, key]);
}

/** Whether the selector has a token: only then are the write controls offered (a token that may not write gets a clear 403 message). */
export const useMayWrite = () => useSelector((s) => s.options.token !== undefined);

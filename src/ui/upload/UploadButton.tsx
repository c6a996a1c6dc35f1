import { useRef } from 'react';
import { useSelectorStore } from '../useSelectorStore.ts';
import { useTranslator } from '../useTranslator.ts';

/** Hands files to the upload queue (which loads on first use, ui/upload/UploadPanel.tsx) through the store. */
export function queueUploads(store: ReturnType<typeof useSelectorStore>, files: readonly File[]): void {
  if (files.length > 0) store.setState((s) => ({ uploadFiles: [...s.uploadFiles, ...files], uploadsShown: true }));
}

/** **Upload** (the `upload` option): opens the file chooser, several files at once. */
export function UploadButton() {
  const store = useSelectorStore();
  const t = useTranslator();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="as-button" onClick={() => input.current?.click()}>
        {t.t('upload')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          queueUploads(store, [...(event.currentTarget.files ?? [])]);
          // The same file may be chosen again (after a cancel, say).
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}

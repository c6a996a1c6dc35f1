import { useEffect, useRef } from 'react';
import { useSelectorStore, useTranslator } from '../editorHost.ts';

type Store = ReturnType<typeof useSelectorStore>;

/** Hands files to the upload queue (which loads with the first of them, ui/upload/UploadPanel.tsx) through the store. */
function queueUploads(store: Store, files: readonly File[]): void {
  if (files.length > 0) store.setState((s) => ({ uploadFiles: [...s.uploadFiles, ...files], uploadsShown: true }));
}

/**
 * Makes `zone` (the results) a drop zone for files: while files are dragged over it, `onDragging`
 * is told so (the results draw the drop target); a drop queues them. Other drags (text, links) and
 * the selector's own card drags (which start inside it, and in Chromium may carry the image as a
 * file) pass through. Returns the cleanup.
 */
function dropZone(zone: HTMLElement, store: Store, onDragging: (dragging: boolean) => void): () => void {
  const listening = new AbortController();
  const on = (type: string, listener: (event: DragEvent) => void) => zone.addEventListener(type, listener as EventListener, { signal: listening.signal });
  let own = false;
  // dragenter/dragleave fire for every child crossed: count them, so leaving a card is not leaving the zone.
  let depth = 0;
  const accepts = (event: DragEvent) => !own && event.dataTransfer?.types.includes('Files') === true;
  const reset = () => {
    depth = 0;
    onDragging(false);
  };
  on('dragstart', () => (own = true));
  on('dragend', () => (own = false));
  on('dragenter', (event) => {
    if (!accepts(event)) return;
    depth++;
    onDragging(true);
  });
  on('dragover', (event) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  });
  on('dragleave', (event) => {
    if (accepts(event) && --depth <= 0) reset();
  });
  on('drop', (event) => {
    if (!accepts(event)) return;
    event.preventDefault();
    reset();
    queueUploads(store, [...event.dataTransfer!.files]);
  });
  return () => {
    listening.abort();
    reset();
  };
}

/**
 * The `upload` option's controls, a part loaded as a selector with the option mounts (so hosts
 * without it never load them): **Upload**, which opens the file chooser (several files at once),
 * and the results as a drop zone for files.
 */
export function UploadControls({ zone, onDragging }: { zone: HTMLElement | null; onDragging(dragging: boolean): void }) {
  const store = useSelectorStore();
  const t = useTranslator();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => (zone ? dropZone(zone, store, onDragging) : undefined), [zone, store, onDragging]);
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

import { useRef, useState, type DragEvent } from 'react';
import { queueUploads } from './UploadButton.tsx';
import { useSelectorStore } from '../useSelectorStore.ts';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * The results as a drop zone for files (the `upload` option): while files are dragged over them,
 * `dragging` is true; a drop queues them. Other drags (text, links) and the selector's own card
 * drags (which start inside it, and in Chromium may carry the image as a file) pass through.
 */
export function useFileDrop(enabled: boolean) {
  const store = useSelectorStore();
  const [dragging, setDragging] = useState(false);
  const own = useRef(false);
  // dragenter/dragleave fire for every child crossed: count them, so leaving a card is not leaving the zone.
  const depth = useRef(0);
  const accepts = (event: DragEvent) => enabled && !own.current && hasFiles(event);
  const reset = () => {
    depth.current = 0;
    setDragging(false);
  };
  const handlers = {
    onDragStart: () => (own.current = true),
    onDragEnd: () => (own.current = false),
    onDragEnter: (event: DragEvent) => {
      if (!accepts(event)) return;
      depth.current++;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (accepts(event) && --depth.current <= 0) reset();
    },
    onDrop: (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      reset();
      queueUploads(store, [...event.dataTransfer.files]);
    },
  };
  return { dragging, handlers: enabled ? handlers : {} };
}

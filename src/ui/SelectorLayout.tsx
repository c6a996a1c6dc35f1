import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useSelector } from './useSelectorStore.ts';
import { AdvancedToggle, CollectionsToggle, FiltersToggle } from './PanelToggles.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { LazyPart } from './LazyPart.tsx';
import { loadAdvancedQueryEditor, loadCollectionBar, loadCollectionsView, loadFolderView, loadImageEditor, loadUploadControls, loadUploadPanel } from './lazyParts.ts';
import { ResultStatus } from './ResultStatus.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SearchResults } from './SearchResults.tsx';
import { SelectionTray } from './SelectionTray.tsx';
import { SelectorFooter } from './SelectorFooter.tsx';
import { SortControl } from './SortControl.tsx';
import { useElementMeasure } from './useElementSize.ts';
import { useTranslator } from './useTranslator.ts';
import { ViewToggle } from './ViewToggle.tsx';

/** Below this width the side panels fold away (the filters become a toggled drawer). */
const COMPACT_WIDTH = 720;
const isCompact = (width: number) => width > 0 && width < COMPACT_WIDTH;

/**
 * Where things go: toolbar on top, filters left, results in the middle, details right, tray and
 * footer at the bottom; the image editor takes the place of results and details while open. It
 * composes; each part reads the store itself. The keyboard path is short: from the search field,
 * Tab reaches Sort, View, then the results (the panel toggles come before the field).
 */
export function SelectorLayout({ searchInput }: { searchInput: RefObject<HTMLInputElement | null> }) {
  const ref = useRef<HTMLDivElement>(null);
  // Its width only decides this: read, it re-renders the layout (everything in it) only when that changes.
  const compact = useElementMeasure(ref, isCompact);
  const filtersOpen = useSelector((s) => s.filtersOpen) ?? !compact;
  const advancedOpen = useSelector((s) => s.advancedOpen);
  const editing = useSelector((s) => s.editor !== undefined);
  const rail = useSelector((s) => s.options.layout === 'rail');
  const upload = useSelector((s) => s.options.upload !== undefined);
  const uploadsShown = useSelector((s) => s.uploadsShown);
  // The results, once drawn, for the upload controls to make a drop zone of; whether files are dragged over them.
  const [results, setResults] = useState<HTMLDivElement | null>(null);
  const [dragging, setDragging] = useState(false);
  const t = useTranslator();
  const author = useSelector((s) => s.options.tier === 'author');
  const collectionsOpen = useSelector((s) => s.collectionsOpen);
  // An open collection's bar reads its members; the results wait for them (no unscoped search shows).
  const collection = useSelector((s) => (s.collection ? (s.collection.ids ? 'ready' : 'reading') : undefined));
  const filtersId = useId();
  // Whether the layout has been drawn: the filter groups of its first frame come after the first results (FilterPanel).
  const drawn = useRef(false);
  useEffect(() => {
    drawn.current = true;
  }, []);
  const advancedId = useId();
  const collectionsId = useId();

  return (
    <div
      ref={ref}
      className="as-layout"
      data-size={compact ? 'compact' : 'wide'}
      data-filters={filtersOpen ? 'open' : 'closed'}
      data-layout={rail ? 'rail' : undefined}
    >
      <div className="as-toolbar">
        <FiltersToggle open={filtersOpen} controls={filtersId} />
        <AdvancedToggle open={advancedOpen} controls={advancedId} />
        <CollectionsToggle open={collectionsOpen} controls={collectionsId} />
        <SearchBox inputRef={searchInput} />
        <div className="as-toolbar-end">
          <SortControl />
          <ViewToggle />
          {upload && <LazyPart load={loadUploadControls} props={{ zone: results, onDragging: setDragging }} className="as-upload-controls" failedTitle={t.t('partLoadFailed')} />}
        </div>
      </div>
      {advancedOpen && <LazyPart load={loadAdvancedQueryEditor} props={{ id: advancedId }} className="as-advanced" />}
      <div className="as-body">
        {editing ? (
          <LazyPart load={loadImageEditor} props={{}} className="as-editor" />
        ) : collectionsOpen ? (
          <LazyPart load={loadCollectionsView} props={{ id: collectionsId }} className="as-collections" failedTitle={t.t('partLoadFailed')} />
        ) : (
          <>
            <div ref={upload ? setResults : undefined} className="as-results" data-drop={dragging ? 'active' : undefined}>
              {collection && <LazyPart load={loadCollectionBar} props={{}} className="as-coll-bar" failedTitle={t.t('partLoadFailed')} />}
              {collection !== 'reading' && <ResultStatus />}
              {collection !== 'reading' && <SearchResults />}
              {upload && (
                <p className="as-drop-target" aria-live="polite">
                  {dragging ? t.t('uploadDropHere') : ''}
                </p>
              )}
            </div>
            {!rail && <DetailsPanel />}
          </>
        )}
        {/* The author tier's Folders, drawn first (their stylesheet's order), focused after the results. */}
        {author && <LazyPart load={loadFolderView} props={{}} className="as-folders" failedTitle={t.t('partLoadFailed')} />}
        {/* After the results in the tab order (the stylesheet still draws it first), so the
            results are three Tab presses from the search field: Sort, View, results. */}
        {filtersOpen && <FilterPanel id={filtersId} firstFrame={!drawn.current} />}
      </div>
      {upload && uploadsShown && <LazyPart load={loadUploadPanel} props={{}} className="as-uploads" failedTitle={t.t('partLoadFailed')} />}
      <SelectionTray />
      <SelectorFooter />
    </div>
  );
}

import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { folderTrail } from '../../core/folderListing.ts';
import { messagesEnFolders } from '../../i18n/messages.en.folders.ts';
import { addEnglish, ErrorState, FOLDER_ROOT as ROOT, moveInList, readingArrows, SelectorError, useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import { injectFolderStyles } from './injectFolderStyles.ts';
import { useFolderListing } from './useFolderListing.ts';

addEnglish(messagesEnFolders);

const parentOf = (path: string) => (path === ROOT ? undefined : path.slice(0, path.lastIndexOf('/')));

function FolderIcon() {
  return (
    <svg className="as-folder-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M1.5 3.5h4.2l1.5 1.5h7.3v8.5h-13z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The author tier's **Folders** region: breadcrumbs from the root to the open folder (a `nav`
 * list, the open folder `aria-current`), and the open folder's child folders, one tab stop whose
 * items the arrow keys move through (Home/End too). Enter, Space or the forward arrow opens one;
 * Backspace or the back arrow goes up. Opening a folder scopes the search to it (the store's
 * `folder`), and focus moves to the new list once it is here. The folder picker uses it too.
 */
export function FolderView() {
  const t = useTranslator();
  const store = useSelectorStore();
  const folder = useSelector((s) => s.folder);
  const listing = useFolderListing(folder);
  const region = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // Set when the person opened a folder from inside the view: focus follows to the new list.
  const follow = useRef(false);
  const hintId = useId();

  useLayoutEffect(() => {
    if (region.current) injectFolderStyles(region.current.getRootNode() as Document | ShadowRoot);
  }, []);

  const subfolders = listing.data?.folder.path === folder ? listing.data.subfolders : undefined;
  useEffect(() => {
    if (!follow.current || (subfolders === undefined && !listing.isError)) return;
    follow.current = false;
    const first = body.current?.querySelector<HTMLElement>('[data-folder-item]');
    (first ?? body.current)?.focus();
  }, [subfolders, listing.isError]);

  const open = (path: string | undefined) => {
    if (path === undefined || path === folder) return;
    // The focused element as seen from the view's own root: inside a shadow root, the document only sees its host.
    const focused = (region.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
    follow.current = focused != null && region.current!.contains(focused);
    setActive(0);
    store.getState().setFolder(path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-folder-item]')];
    const current = items.indexOf(event.target as HTMLElement);
    const { forward, back } = readingArrows(event.currentTarget);
    if (event.key === 'Backspace' || event.key === back) {
      if (folder === ROOT) return;
      event.preventDefault();
      follow.current = true;
      setActive(0);
      store.getState().setFolder(parentOf(folder)!);
      return;
    }
    if (current < 0) return;
    if (event.key === forward) {
      event.preventDefault();
      items[current]!.click();
      return;
    }
    // Right and left open and leave folders here: only up, down, Home and End move.
    const next = moveInList(event.key, current, items.length);
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    items[next]!.focus();
  };

  const trail = folderTrail(folder, t.t('foldersRoot'));
  const here = trail.length === 1 ? trail[0]!.title : (listing.data?.folder.path === folder ? listing.data.folder.title : trail[trail.length - 1]!.title);
  const stop = Math.min(active, Math.max(0, (subfolders?.length ?? 1) - 1));
  const unavailable = listing.isError && folder === ROOT && listing.error instanceof SelectorError && listing.error.code === 'not-found';

  return (
    <section ref={region} className="as-folders" aria-label={t.t('folders')} onKeyDown={onKeyDown}>
      <nav className="as-crumbs" aria-label={t.t('foldersPath')}>
        <ol>
          {trail.map((crumb, i) =>
            i === trail.length - 1 ? (
              <li key={crumb.path} aria-current="page">
                {here}
              </li>
            ) : (
              <li key={crumb.path}>
                <button type="button" className="as-crumb" onClick={() => open(crumb.path)}>
                  {crumb.title}
                </button>
              </li>
            ),
          )}
        </ol>
      </nav>
      <div ref={body} className="as-folder-body" tabIndex={-1}>
        {listing.isError ? (
          <ErrorState error={listing.error} title={t.t(unavailable ? 'foldersUnavailable' : 'foldersError')} onRetry={listing.refetch} />
        ) : subfolders === undefined ? (
          <p className="as-folder-note" role="status" aria-busy="true">
            {t.t('foldersLoading')}
          </p>
        ) : subfolders.length === 0 ? (
          <p className="as-folder-note">{t.t('foldersEmpty')}</p>
        ) : (
          <ul className="as-folder-list" aria-label={t.t('foldersList', { folder: here })} aria-describedby={hintId}>
            {subfolders.map((sub, i) => (
              <li key={sub.path}>
                <button type="button" className="as-folder" data-folder-item="" tabIndex={i === stop ? 0 : -1} onFocus={() => setActive(i)} onClick={() => open(sub.path)}>
                  <FolderIcon />
                  <span>{sub.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p id={hintId} className="as-visually-hidden">
          {t.t('foldersHint')}
        </p>
      </div>
    </section>
  );
}

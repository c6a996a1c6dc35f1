import { useSelector, useSelectorStore, useTranslator } from '../editorHost.ts';
import { FolderView } from './FolderView.tsx';
import { useFolderListing } from './useFolderListing.ts';

/**
 * The selector as a folder picker (the `onSelectFolder` option; the Adobe destination selector):
 * the folder view, then Cancel and Select, which hands the open folder to the host.
 */
export function FolderPicker() {
  const t = useTranslator();
  const store = useSelectorStore();
  const folder = useSelector((s) => s.folder);
  // The same cached listing the view reads: the open folder's title, once it is known.
  const listing = useFolderListing(folder);
  const chosen = listing.data?.folder.path === folder ? listing.data.folder : undefined;
  return (
    <div className="as-folder-picker">
      <FolderView />
      <div className="as-footer">
        <button type="button" className="as-button" onClick={() => store.getState().cancel()}>
          {t.t('cancel')}
        </button>
        <button type="button" className="as-button as-button-primary" disabled={chosen === undefined} onClick={() => chosen && store.getState().confirmFolder(chosen)}>
          {t.t('folderSelect', { folder: chosen?.title ?? '…' })}
        </button>
      </div>
    </div>
  );
}

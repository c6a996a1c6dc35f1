import { useId, type ReactNode } from 'react';
import { useSelector } from './useSelectorStore.ts';
import { dimensionsLabel, formatLabel } from './assetLabels.ts';
import { EditButton } from './editor/EditButton.tsx';
import { ErrorState } from './ErrorState.tsx';
import { LineSkeletons } from './Skeletons.tsx';
import { useAssetMetadata } from './useAssetMetadata.ts';
import { useTranslator } from './useTranslator.ts';
import { VideoPreview } from './video/VideoPreview.tsx';

/**
 * The focused asset's metadata, read fresh from the repository. Every value is rendered as text
 * (React escapes it), never as HTML: titles and descriptions come from whoever uploaded the file.
 */
export function DetailsPanel() {
  const t = useTranslator();
  const focusedId = useSelector((s) => s.focusedId);
  const metadata = useAssetMetadata(focusedId);
  const editorOn = useSelector((s) => s.options.editor);
  const titleId = useId();
  let content: ReactNode;
  if (focusedId === undefined) content = <p className="as-details-empty">{t.t('detailsEmpty')}</p>;
  else if (metadata.isError) {
    content = <ErrorState error={metadata.error} title={t.t('detailsErrorTitle')} onRetry={() => void metadata.refetch()} />;
  } else if (!metadata.data) content = <LineSkeletons lines={6} />;
  else {
    const asset = metadata.data;
    const rows: Array<[string, ReactNode]> = [];
    const add = (label: string, value: ReactNode) => {
      if (value !== undefined && value !== '') rows.push([label, value]);
    };
    add(t.t('field.description'), asset.description);
    add(t.t('field.dimensions'), dimensionsLabel(t, asset));
    add(t.t('field.format'), asset.mimeType ? formatLabel(t, asset.mimeType) : undefined);
    add(t.t('field.size'), asset.size === undefined ? undefined : t.bytes(asset.size));
    add(t.t('field.created'), asset.createDate && t.date(asset.createDate));
    add(t.t('field.modified'), asset.modifyDate && t.date(asset.modifyDate));
    add(
      t.t('field.keywords'),
      asset.keywords.length > 0 ? (
        <ul className="as-keywords">
          {asset.keywords.map((k) => (
            <li key={k} className="as-chip">
              {k}
            </li>
          ))}
        </ul>
      ) : undefined,
    );
    content = (
      <>
        <p className="as-details-title" id={titleId}>
          {asset.title}
        </p>
        {editorOn && asset.kind === 'image' && <EditButton asset={asset} describedBy={titleId} />}
        {asset.kind === 'video' && <VideoPreview key={asset.assetId} asset={asset} />}
        {asset.name !== asset.title && <p className="as-details-name">{asset.name}</p>}
        <dl className="as-details-list">
          {rows.map(([label, value]) => (
            <div key={label} className="as-details-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </>
    );
  }
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it too.
    <section className="as-details" aria-label={t.t('details')} aria-busy={metadata.isFetching || undefined} tabIndex={0}>
      <h2 className="as-panel-heading">{t.t('details')}</h2>
      {content}
    </section>
  );
}

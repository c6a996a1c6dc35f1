import { useId, type ReactNode } from 'react';
import type { AssetSummary } from '../../core/types.ts';
import { dimensionsLabel, EditButton, formatLabel, SkeletonLines, useSelector, useTranslator } from '../editorHost.ts';
import { VideoPreview } from './VideoPreview.tsx';

/**
 * The details panel's account of one asset (ui/DetailsPanel.tsx reads its metadata; placeholder
 * lines until it is here): a part loaded with the first asset focused, while that asset's metadata
 * is on its way, so the first screen does not wait for it. Every value is rendered as text (React
 * escapes it), never as HTML: titles and descriptions come from whoever uploaded the file.
 */
export function AssetDetails({ asset }: { asset: AssetSummary | undefined }) {
  const t = useTranslator();
  const editorOn = useSelector((s) => s.options.editor);
  const titleId = useId();
  if (!asset) return <SkeletonLines count={6} />;
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
  return (
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

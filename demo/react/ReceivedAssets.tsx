import type { SelectedAsset } from '../../src/index.ts';

/** What the host does with the payload: a preview and a link per asset, and the payload as JSON. */
export function ReceivedAssets({ assets }: { assets: SelectedAsset[] | undefined }) {
  return (
    <section className="received" aria-labelledby="received-heading">
      <h2 id="received-heading">Received by onSelect</h2>
      <p role="status">{assets ? `onSelect received ${assets.length} ${assets.length === 1 ? 'asset' : 'assets'}` : 'Nothing received yet.'}</p>
      <ul aria-label="Received assets">
        {assets?.map((asset) => (
          <li key={asset.assetId}>
            {asset.kind === 'image' && <img src={asset.url} srcSet={asset.srcset} sizes="14rem" alt={asset.title} decoding="async" />}
            <strong>{asset.title}</strong>
            <div>{asset.width && asset.height ? `original ${asset.width} × ${asset.height}` : asset.kind}</div>
            <a href={asset.url} target="_blank" rel="noopener">
              {asset.url}
            </a>
          </li>
        ))}
      </ul>
      <pre tabIndex={0} role="region" aria-label="onSelect payload as JSON">
        {assets ? JSON.stringify(assets, null, 2) : ''}
      </pre>
    </section>
  );
}

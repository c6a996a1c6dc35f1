// A React app written against Adobe's ESM selector (`@assets/selectors`), importing ours instead.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AssetSelector, registerAssetsSelectorsAuthService } from 'asset-selector/adobe';

registerAssetsSelectorsAuthService({ imsClientId: 'my-client-id', imsScope: 'openid', redirectUrl: location.href });

function App() {
  const [open, setOpen] = useState(false);
  const [assets, setAssets] = useState([]);
  const [multiple, setMultiple] = useState(false);
  return (
    <main>
      <h1>Adobe Asset Selector page: React</h1>
      <button type="button" onClick={() => setOpen(true)}>Choose assets</button>
      <label>
        <input type="checkbox" checked={multiple} onChange={(event) => setMultiple(event.target.checked)} /> Multiple
      </label>
      {open && (
        <div style={{ height: 600 }}>
          <AssetSelector
            imsToken={window.assetsSelectorsAuthService?.imsToken}
            aemTierType={['delivery']}
            selectionType={multiple ? 'multiple' : 'single'}
            handleSelection={(selection) => setAssets(selection)}
            onClose={() => setOpen(false)}
          />
        </div>
      )}
      <ul aria-label="Chosen assets">
        {assets.map((asset) => (
          <li key={asset['repo:assetId']}>{asset['repo:name']}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { useState } from 'react';
// The host imports the component as `import { AssetSelector } from 'asset-selector'`; this demo is
// built from the sources so that it always shows the working tree.
import { AssetSelector, type SelectedAsset } from '../../src/index.ts';
import { ReceivedAssets } from './ReceivedAssets.tsx';

type Mode = 'inline' | 'modal';

/** A React host: the selector as a component, its options as props, the payload in React state. */
export function App() {
  const [mode, setMode] = useState<Mode>('inline');
  const [modalOpen, setModalOpen] = useState(false);
  const [received, setReceived] = useState<SelectedAsset[] | undefined>();
  const [chosen, setChosen] = useState(0);

  return (
    <>
      <header>
        <nav aria-label="Demo pages">
          <a href="/">Emulator</a>
          <a href="/demo/vanilla/">Plain page</a>
          <a href="/dist/demo/react/" aria-current="page">
            React app
          </a>
          <a href="/demo/custom-element/">Custom element</a>
        </nav>
        <h1>React app host</h1>
        <p>
          A React 19 app that renders <code>&lt;AssetSelector repository=… onSelect=… /&gt;</code>. Pick assets and press <strong>Select</strong>; what{' '}
          <code>onSelect</code> received is shown below.
        </p>
      </header>
      <main>
        <div className="controls">
          <fieldset>
            <legend>Mode</legend>
            {(['inline', 'modal'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {m === 'inline' ? 'Inline' : 'Modal'}
              </button>
            ))}
          </fieldset>
          {mode === 'modal' && (
            <button type="button" onClick={() => setModalOpen(true)}>
              Open asset selector
            </button>
          )}
          <span aria-live="polite">{chosen} chosen</span>
        </div>
        {(mode === 'inline' || modalOpen) && (
          <div className="picker" data-mode={mode}>
            <AssetSelector
              repository={location.origin}
              selectionType="multiple"
              mode={mode}
              onSelect={(assets) => {
                setReceived(assets);
                setModalOpen(false);
              }}
              onSelectionChange={(assets) => setChosen(assets.length)}
              onClose={() => setModalOpen(false)}
              onError={(error) => console.warn('asset selector:', error.code, error.message)}
            />
          </div>
        )}
        <ReceivedAssets assets={received} />
      </main>
    </>
  );
}

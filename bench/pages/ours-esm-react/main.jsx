// A React 19 app that renders the selector from the package's ESM build (`asset-selector` is
// aliased to dist/asset-selector.js by bench/bundles/buildPages.ts), as a host app would.
import { createRoot } from 'react-dom/client';
import { AssetSelector } from 'asset-selector';

// The bench mounts through this, the same way for every build (see bench/runtime/ourBuilds.ts).
window.benchMount = (el, options) => {
  const root = createRoot(el);
  root.render(<AssetSelector {...options} />);
  return { unmount: () => root.unmount() };
};
// `#manual` leaves mounting to the bench; otherwise the page opens the selector, as a host would.
if (location.hash !== '#manual') window.benchMount(document.getElementById('host'), { repository: location.origin, selectionType: 'multiple' });

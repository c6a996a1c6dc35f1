// Bynder's compact view as its README embeds it in a React app: the login shell around the view.
// It needs a Bynder portal to show assets; offline it renders its login step.
import { createRoot } from 'react-dom/client';
import { CompactView, Login } from '@bynder/compact-view';

createRoot(document.getElementById('host')).render(
  <Login>
    <CompactView mode="MultiSelect" onSuccess={(assets) => console.log(assets)} />
  </Login>,
);

// The crop step alone: react-image-crop over one image, with its stylesheet.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import ReactCrop from 'react-image-crop';
import 'react-image-crop/dist/ReactCrop.css';

function App() {
  const [crop, setCrop] = useState({ unit: '%', x: 10, y: 10, width: 60, height: 60 });
  return (
    <ReactCrop crop={crop} onChange={(_, percent) => setCrop(percent)}>
      <img src="/demo/catalog/kite.jpg" alt="Kite" style={{ maxWidth: '100%' }} />
    </ReactCrop>
  );
}

createRoot(document.getElementById('host')).render(<App />);

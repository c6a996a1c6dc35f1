// The crop step alone: react-easy-crop over one image (it injects its own styles from the script).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import Cropper from 'react-easy-crop';

function App() {
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  return <Cropper image="/demo/catalog/kite.jpg" crop={crop} zoom={zoom} aspect={4 / 3} onCropChange={setCrop} onZoomChange={setZoom} />;
}

createRoot(document.getElementById('host')).render(<App />);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import '../common/hostPage.css';

// StrictMode on purpose: it mounts, unmounts and remounts effects, which the selector must survive.
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/base.css';
import './panels/controls.css';
import { App } from './app/App';
import { startUpdates } from './app/updates';
import { startAutosave } from './persistence/autosave';
import { askForPersistentStorageOnFirstChange } from './persistence/persistent-storage';
import { registerSW } from 'virtual:pwa-register';

const autosave = startAutosave();
startUpdates({ registerWorker: registerSW, beforeReload: autosave.flush });
askForPersistentStorageOnFirstChange();
if (import.meta.env.MODE === 'bench') void import('./app/bench-hooks');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

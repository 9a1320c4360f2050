import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/base.css';
import './panels/controls.css';
import { App } from './app/App';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage, startingLanguage } from './i18n';
import { startUpdates } from './app/updates';
import { startAutosave } from './persistence/autosave';
import { askForPersistentStorageOnFirstChange } from './persistence/persistent-storage';
import { stopForTakeOver } from './io/take-over';
import { registerSW } from 'virtual:pwa-register';

const autosave = startAutosave();
startUpdates({ registerWorker: registerSW, beforeReload: autosave.flush, beforeTakeOver: stopForTakeOver });
askForPersistentStorageOnFirstChange();
if (import.meta.env.MODE === 'bench') void import('./app/bench-hooks');

// The chosen language is loaded before the first paint, so no English flashes before it.
void setLanguage(startingLanguage())
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </StrictMode>,
    ),
  );

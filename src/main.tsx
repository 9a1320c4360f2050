import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/fonts.css';
import './app/app.css';
import './panels/panels.css';
import { App } from './app/App';
import { startAutosave } from './persistence/autosave';

startAutosave();
if (import.meta.env.MODE === 'bench') void import('./app/bench-hooks');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Last line of defence: a rendering bug shows a message and a way back instead of a blank page.
// Stored maps are untouched (autosave writes only complete commands).
import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="pm-crash" role="alert">
        <h1>{t('shell.crashTitle')}</h1>
        <p>{t('shell.crashText')}</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" onClick={() => window.location.reload()}>
          {t('shell.reload')}
        </button>
      </main>
    );
  }
}

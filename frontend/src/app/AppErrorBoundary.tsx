import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@/components/Button';
import { isChunkLoadError, reloadOnce, whenOnline } from './pwa/chunk-recovery';

type Props = { children: ReactNode };
type State = { error: Error | null };

/** Last resort for errors thrown while rendering, e.g. a page's code failing to download after a deploy. */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled rendering error', error, info.componentStack);
    // Code that failed to download heals by itself: reload (once) as soon as there is a connection.
    if (isChunkLoadError(error)) void whenOnline().then(() => reloadOnce());
  }

  override render() {
    if (!this.state.error) return this.props.children;
    if (isChunkLoadError(this.state.error))
      return (
        <main className="page page--centered" id="main">
          <h1 className="page__title">This page needs a connection</h1>
          <p role="alert">Part of the app could not be downloaded. It reloads by itself once you are back online.</p>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
        </main>
      );
    return (
      <main className="page page--centered" id="main">
        <h1 className="page__title">Something went wrong</h1>
        <p role="alert">{this.state.error.message || 'An unexpected error occurred.'}</p>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </main>
    );
  }
}

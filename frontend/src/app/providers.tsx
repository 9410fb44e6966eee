import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { queryClient } from '@/lib/query-client';
import { AppErrorBoundary } from './AppErrorBoundary';
import { connectApiClientToSession } from './connect-session';

// Before the first render, so the very first request (restoring the user) already carries the token.
connectApiClientToSession(queryClient);

/** App-wide context every page relies on: error boundary, server-state cache, router. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>{children}</BrowserRouter>
      </QueryClientProvider>
    </AppErrorBoundary>
  );
}

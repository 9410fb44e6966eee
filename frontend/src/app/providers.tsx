import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { tokenStorage } from '@/features/auth/session/token-storage';
import { connectivity } from '@/lib/connectivity';
import { queryClient } from '@/lib/query-client';
import { persistQueryCache, sessionTag } from '@/lib/query-persistence';
import { AppErrorBoundary } from './AppErrorBoundary';
import { connectApiClientToSession } from './connect-session';

// Before the first render, so the very first request (restoring the user) already carries the token.
connectApiClientToSession(queryClient);
// Before the first render too: offline, the app opens with what it last showed in this session.
persistQueryCache(queryClient, {
  getOwner: () => sessionTag(tokenStorage.read()),
  isOffline: connectivity.isOffline,
  subscribeOffline: connectivity.subscribe,
});

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

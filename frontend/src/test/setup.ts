import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { connectSession } from '@/lib/api-client';

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  connectSession({ getToken: () => null, onSessionExpired: () => {} });
});

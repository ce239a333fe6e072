'use client';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getQueryClient } from '@/lib/query-client';

/**
 * React Query for the pages that poll or page through it (group messages and actions, the dev outbox):
 * wrapped around those pages only, so no other route ships the library (page weight, bench/RESULTS-web.md).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}

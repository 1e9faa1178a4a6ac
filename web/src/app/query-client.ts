import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { notifyError, setStaleDataReloader } from './error-notifier';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { notifyErrors?: boolean };
    /** notifyErrors false: the caller shows the error itself (e.g. beside a form field). */
    mutationMeta: { notifyErrors?: boolean };
  }
}

export const meQueryKey = ['me'] as const;

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED';
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (handleUnauthenticated(error)) return;
        if (query.meta?.notifyErrors === false) return;
        notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError(error, _variables, _context, mutation) {
        if (handleUnauthenticated(error)) return;
        if (mutation.meta?.notifyErrors === false) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => error instanceof ApiError && error.status === 0 && failureCount < 2,
      },
    },
  });

  setStaleDataReloader(() => client.invalidateQueries());

  // A session that ends mid-use sends the user back to the login page (RequireAuth watches the me query).
  function handleUnauthenticated(error: unknown): boolean {
    if (!isUnauthenticated(error)) return false;
    if (client.getQueryData(meQueryKey)) {
      notifyError(error);
      client.setQueryData(meQueryKey, null);
    }
    return true;
  }

  return client;
}

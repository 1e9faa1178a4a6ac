import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap, type ApiResult } from '../api';
import { ApiError } from '../api-error';
import { meQueryKey } from '../query-client';

export type Me = ApiResult<'get', '/api/me'>;
export type Role = Me['user']['role'];

interface AuthValue {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  meError: unknown;
  /** True after the user logged out themselves, so the login page opens without a "return to" target. */
  signedOut: boolean;
  retryMe: () => void;
  login: (credentials: { email: string; password: string }) => Promise<Me | null>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedOut, setSignedOut] = useState(false);
  const meQuery = useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    meta: { notifyErrors: false },
  });

  const login = useCallback(
    async (credentials: { email: string; password: string }) => {
      await unwrap(api.POST('/api/auth/login', { body: credentials }));
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      setSignedOut(false);
      return queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } catch {
      // Signing out locally matters more than the server's answer.
    }
    setCsrfToken(null);
    setSignedOut(true);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({
      me: meQuery.data,
      meError: meQuery.error,
      signedOut,
      retryMe: () => void meQuery.refetch(),
      login,
      logout,
    }),
    [meQuery, signedOut, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe must be used behind <RequireAuth>');
  return me;
}

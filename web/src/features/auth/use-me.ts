import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../../common/permissions';
import type { Locale, Role } from '../../../../common/enums';
import { api, ApiError, setCsrfToken } from '../../lib/api';

export interface Me {
  user: { id: string; username: string; fullName: string; locale: Locale };
  assignments: Array<{ id: string; role: Role; unitId: string; unitName: string; includesSubtree: boolean }>;
  permissions: Permission[];
  csrfToken: string;
}

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        const me = await api.get<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return Boolean(data?.permissions.includes(permission));
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/api/auth/sign-in', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.clear();
      client.setQueryData(ME_KEY, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/sign-out'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

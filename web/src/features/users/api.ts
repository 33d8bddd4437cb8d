// TanStack Query hooks over /api/users (người dùng và phân quyền). Every key
// starts with 'users' so one invalidation refreshes lists and user pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, OrgUnitKind, Role } from '../../../../common/enums';
import { api, qs } from '../../lib/api';

export interface RoleAssignment {
  id: string;
  role: Role;
  unitId: string;
  unitCode: string;
  unitName: string;
  includesSubtree: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  locale: Locale;
  disabled: boolean;
  createdAt: string;
  assignments: RoleAssignment[];
}

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export type UserSort = 'username' | 'fullName' | 'createdAt';

export interface UserListParams {
  q?: string;
  role?: Role;
  unitId?: string;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
  sort: UserSort;
  order: 'asc' | 'desc';
}

export interface AssignmentBody {
  role: Role;
  unitId: string;
  includesSubtree: boolean;
  validFrom: string;
  validTo?: string | null;
}

export interface CreateUserBody {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  assignments?: AssignmentBody[];
}

export const USERS_KEY = 'users';

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [USERS_KEY, 'list', params],
    queryFn: () => api.get<UserPage>(`/api/users${qs({ ...params })}`),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: [USERS_KEY, 'detail', id],
    queryFn: () => api.get<User>(`/api/users/${id}`),
    enabled: Boolean(id),
  });
}

/** A write that answers with the user: refresh the lists, keep the page's copy. */
function useUserWrite<V>(fn: (vars: V) => Promise<User>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (user) => {
      client.setQueryData([USERS_KEY, 'detail', user.id], user);
      return client.invalidateQueries({ queryKey: [USERS_KEY, 'list'] });
    },
  });
}

export const useCreateUser = () => useUserWrite((body: CreateUserBody) => api.post<User>('/api/users', body));

export const useUpdateUser = (id: string) =>
  useUserWrite((body: { fullName?: string; email?: string | null; locale?: Locale }) => api.patch<User>(`/api/users/${id}`, body));

export const useDisableUser = (id: string) => useUserWrite(() => api.post<User>(`/api/users/${id}/disable`));
export const useEnableUser = (id: string) => useUserWrite(() => api.post<User>(`/api/users/${id}/enable`));

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (body: { newPassword: string }) => api.post<{ ok: true }>(`/api/users/${id}/reset-password`, body),
  });
}

export const useAddAssignment = (userId: string) =>
  useUserWrite((body: AssignmentBody) => api.post<User>(`/api/users/${userId}/assignments`, body));

export const useUpdateAssignment = (userId: string) =>
  useUserWrite(({ assignmentId, ...body }: { assignmentId: string; includesSubtree?: boolean; validFrom?: string; validTo?: string | null }) =>
    api.patch<User>(`/api/users/${userId}/assignments/${assignmentId}`, body),
  );

export const useDeleteAssignment = (userId: string) =>
  useUserWrite((assignmentId: string) => api.delete<User>(`/api/users/${userId}/assignments/${assignmentId}`));

/** Units matching a search, for the unit picker (GET /api/org-units?q=, matches only). */
export interface UnitOption {
  id: string;
  code: string;
  shortName: string;
  fullName: string;
  kind: OrgUnitKind;
}

export function useUnitSearch(q: string, asOf: string | undefined) {
  return useQuery({
    queryKey: [USERS_KEY, 'unit-search', q, asOf ?? null],
    queryFn: async () => {
      const res = await api.get<{ items: UnitOption[]; matchIds?: string[] }>(`/api/org-units${qs({ q, asOf })}`);
      const matches = new Set(res.matchIds ?? res.items.map((u) => u.id));
      return res.items.filter((u) => matches.has(u.id)).slice(0, 50);
    },
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

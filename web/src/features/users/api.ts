// TanStack Query hooks over /api/users (người dùng và phân quyền). Every key
// starts with 'users' so one invalidation refreshes lists and user pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Wire from '../../../../common/api/users';
import type { OkResponse } from '../../../../common/schemas';
import { api, qs } from '../../lib/api';

// The shapes are the server's zod schemas (common/api/users.ts): a changed field breaks the type check.
export type RoleAssignment = z.output<typeof Wire.AssignmentView>;
export type User = z.output<typeof Wire.UserView>;
export type UserPage = z.output<typeof Wire.UserPage>;
export type UserSort = Wire.UserSort;
/** The list's query as the server reads it (page, size, sort and order always set). */
export type UserListParams = z.output<typeof Wire.ListUsersQuery>;

export type AssignmentBody = z.input<typeof Wire.AssignmentInput>;
export type CreateUserBody = z.input<typeof Wire.CreateUserBody>;
export type UpdateUserBody = z.input<typeof Wire.UpdateUserBody>;
export type UpdateAssignmentBody = z.input<typeof Wire.UpdateAssignmentBody>;
export type ResetPasswordBody = z.input<typeof Wire.ResetPasswordBody>;

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

export const useUpdateUser = (id: string) => useUserWrite((body: UpdateUserBody) => api.patch<User>(`/api/users/${id}`, body));

export const useDisableUser = (id: string) => useUserWrite(() => api.post<User>(`/api/users/${id}/disable`));
export const useEnableUser = (id: string) => useUserWrite(() => api.post<User>(`/api/users/${id}/enable`));

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) => api.post<z.output<typeof OkResponse>>(`/api/users/${id}/reset-password`, body),
  });
}

export const useAddAssignment = (userId: string) =>
  useUserWrite((body: AssignmentBody) => api.post<User>(`/api/users/${userId}/assignments`, body));

export const useUpdateAssignment = (userId: string) =>
  useUserWrite(({ assignmentId, ...body }: UpdateAssignmentBody & { assignmentId: string }) =>
    api.patch<User>(`/api/users/${userId}/assignments/${assignmentId}`, body),
  );

export const useDeleteAssignment = (userId: string) =>
  useUserWrite((assignmentId: string) => api.delete<User>(`/api/users/${userId}/assignments/${assignmentId}`));

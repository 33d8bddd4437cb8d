// TanStack Query hooks over issue delegations (ủy quyền ban hành văn bản,
// docs/issue-delegations.md). A grant or revoke also refreshes programs: what
// the officer may do with a draft (allowedActions) follows the delegation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/documents';
import { api } from '../../lib/api';

export type IssueDelegation = z.output<typeof wire.IssueDelegation>;
export type IssueDelegationList = z.output<typeof wire.IssueDelegationList>;
export type GrantIssueDelegationBody = z.input<typeof wire.GrantIssueDelegationBody>;

const key = (unitId: string) => ['issue-delegations', unitId];

export function useIssueDelegations(unitId: string) {
  return useQuery({
    queryKey: key(unitId),
    queryFn: () => api.get<IssueDelegationList>(`/api/org-units/${unitId}/issue-delegations`),
  });
}

function useRefreshing<A>(unitId: string, fn: (args: A) => Promise<IssueDelegation>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key(unitId) });
      void client.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}

export const useGrantIssueDelegation = (unitId: string) =>
  useRefreshing(unitId, (body: GrantIssueDelegationBody) =>
    api.post<IssueDelegation>(`/api/org-units/${unitId}/issue-delegations`, body satisfies GrantIssueDelegationBody),
  );

export const useRevokeIssueDelegation = (unitId: string) =>
  useRefreshing(unitId, (d: Pick<IssueDelegation, 'id' | 'rowVersion'>) =>
    api.post<IssueDelegation>(`/api/issue-delegations/${d.id}/revoke`, { expectedVersion: d.rowVersion }),
  );

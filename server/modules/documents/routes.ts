// Issue delegations (ủy quyền ban hành): the leader of a unit lets an officer
// issue its documents (docs/issue-delegations.md).
import {
  GrantIssueDelegationBody,
  IssueDelegation,
  IssueDelegationList,
  RevokeIssueDelegationBody,
} from '../../../common/api/documents.js';
import { IdParams, responses, type App } from '../../lib/http.js';
import { grantIssueDelegation } from './grant-issue-delegation.js';
import { listIssueDelegations } from './list-issue-delegations.js';
import { revokeIssueDelegation } from './revoke-issue-delegation.js';

export default async function documentRoutes(app: App) {
  const db = app.database.db;
  const tags = ['documents'];

  app.get(
    '/org-units/:id/issue-delegations',
    {
      schema: {
        tags,
        summary: 'Ủy quyền ban hành văn bản của đơn vị',
        params: IdParams,
        response: responses({ 200: IssueDelegationList }),
      },
    },
    async (req) => listIssueDelegations(db, req.actor!, req.params.id),
  );

  app.post(
    '/org-units/:id/issue-delegations',
    {
      schema: {
        tags,
        summary: 'Ủy quyền cho cán bộ ban hành văn bản của đơn vị (lãnh đạo đơn vị)',
        params: IdParams,
        body: GrantIssueDelegationBody,
        response: responses({ 201: IssueDelegation }),
      },
    },
    async (req, reply) => reply.code(201).send(await grantIssueDelegation(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/issue-delegations/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi ủy quyền ban hành (lãnh đạo đơn vị)',
        params: IdParams,
        body: RevokeIssueDelegationBody,
        response: responses({ 200: IssueDelegation }),
      },
    },
    async (req) => revokeIssueDelegation(db, req.actor!, req.params.id, req.body),
  );
}

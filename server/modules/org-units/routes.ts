import { IdParams, responses, type App } from '../../lib/http.js';
import { createOrgUnit } from './create-org-unit.js';
import { dissolveOrgUnit } from './dissolve-org-unit.js';
import { getOrgUnit } from './get-org-unit.js';
import { listOrgUnits } from './list-org-units.js';
import { mergeOrgUnit } from './merge-org-unit.js';
import { moveOrgUnit } from './move-org-unit.js';
import { presentOrgUnitDetail, presentOrgUnitList } from './presenter.js';
import {
  CreateOrgUnitBody,
  DetailQuery,
  DissolveOrgUnitBody,
  ListOrgUnitsQuery,
  MergeOrgUnitBody,
  MoveOrgUnitBody,
  OrgUnitDetail,
  OrgUnitListResponse,
  SplitOrgUnitBody,
  SplitOrgUnitResponse,
  UpdateOrgUnitBody,
} from './schemas.js';
import { splitOrgUnit } from './split-org-unit.js';
import { updateOrgUnit } from './update-org-unit.js';

export default async function orgUnitsRoutes(app: App) {
  const db = app.database.db;
  const tags = ['org-units'];

  app.get(
    '/org-units',
    {
      schema: {
        tags,
        summary: 'Cây đơn vị tại một ngày (có tìm kiếm không dấu)',
        querystring: ListOrgUnitsQuery,
        response: responses({ 200: OrgUnitListResponse }),
      },
    },
    async (req) => presentOrgUnitList(await listOrgUnits(db, req.actor!, req.query)),
  );

  app.get(
    '/org-units/:id',
    {
      schema: { tags, summary: 'Chi tiết đơn vị', params: IdParams, querystring: DetailQuery, response: responses({ 200: OrgUnitDetail }) },
    },
    async (req) => presentOrgUnitDetail(await getOrgUnit(db, req.actor!, req.params.id, req.query.asOf)),
  );

  app.post(
    '/org-units',
    { schema: { tags, summary: 'Thêm đơn vị', body: CreateOrgUnitBody, response: responses({ 201: OrgUnitDetail }) } },
    async (req, reply) => reply.code(201).send(presentOrgUnitDetail(await createOrgUnit(db, req.actor!, req.body))),
  );

  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đơn vị',
        params: IdParams,
        body: UpdateOrgUnitBody,
        response: responses({ 200: OrgUnitDetail }),
      },
    },
    async (req) => presentOrgUnitDetail(await updateOrgUnit(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/org-units/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển đơn vị cấp trên từ một ngày',
        params: IdParams,
        body: MoveOrgUnitBody,
        response: responses({ 200: OrgUnitDetail }),
      },
    },
    async (req) => presentOrgUnitDetail(await moveOrgUnit(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/org-units/:id/merge',
    {
      schema: {
        tags,
        summary: 'Sáp nhập vào đơn vị khác',
        params: IdParams,
        body: MergeOrgUnitBody,
        response: responses({ 200: OrgUnitDetail }),
      },
    },
    async (req) => presentOrgUnitDetail(await mergeOrgUnit(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/org-units/:id/split',
    {
      schema: {
        tags,
        summary: 'Chia tách đơn vị',
        params: IdParams,
        body: SplitOrgUnitBody,
        response: responses({ 201: SplitOrgUnitResponse }),
      },
    },
    async (req, reply) => {
      const result = await splitOrgUnit(db, req.actor!, req.params.id, req.body);
      return reply.code(201).send({ original: presentOrgUnitDetail(result.original), created: result.created.map(presentOrgUnitDetail) });
    },
  );

  app.post(
    '/org-units/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Giải thể đơn vị',
        params: IdParams,
        body: DissolveOrgUnitBody,
        response: responses({ 200: OrgUnitDetail }),
      },
    },
    async (req) => presentOrgUnitDetail(await dissolveOrgUnit(db, req.actor!, req.params.id, req.body)),
  );
}

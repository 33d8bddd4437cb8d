import { IdParams, responses, type App } from '../../lib/http.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { allocateTarget } from './allocate-target.js';
import { archiveTarget } from './archive-target.js';
import { updateDataElement } from './update-data-element.js';
import { updateIndicator } from './update-indicator.js';
import { updateTarget } from './update-target.js';
import { archiveDataElement } from './archive-data-element.js';
import { createDataElement } from './create-data-element.js';
import { createIndicator } from './create-indicator.js';
import { createTarget } from './create-target.js';
import { exportTargetBreakdown } from './export-target-breakdown.js';
import { exportTargetMatrix } from './export-target-matrix.js';
import { getTargetAllocations } from './get-target-allocations.js';
import { getTargetBreakdown } from './get-target-breakdown.js';
import { getTargetMatrix } from './get-target-matrix.js';
import { getUnitTargets } from './get-unit-targets.js';
import { getTargetProgress } from './get-target-progress.js';
import { getTargetSeries } from './get-target-series.js';
import { listDataElements } from './list-data-elements.js';
import { listIndicators } from './list-indicators.js';
import { listTargets } from './list-targets.js';
import { presentDataElement, presentIndicator, presentProgress, presentTarget, presentUnitCell } from './presenter.js';
import {
  AllocateTargetBody,
  ArchiveTargetBody,
  UpdateDataElementBody,
  UpdateIndicatorBody,
  UpdateTargetBody,
  BreakdownQuery,
  CreateDataElementBody,
  CreateIndicatorBody,
  CreateTargetBody,
  DataElementList,
  DataElementView,
  IndicatorList,
  IndicatorView,
  ListDataElementsQuery,
  ListTargetsQuery,
  TargetAllocationsResponse,
  TargetBreakdownResponse,
  TargetList,
  TargetMatrixQuery,
  TargetMatrixResponse,
  TargetProgressQuery,
  TargetProgressResponse,
  TargetSeriesQuery,
  TargetSeriesResponse,
  TargetView,
  UnitTargetsQuery,
  UnitTargetsResponse,
} from './schemas.js';

export default async function indicatorRoutes(app: App) {
  const db = app.database.db;
  const tags = ['indicators'];

  app.get(
    '/data-elements',
    {
      schema: {
        tags,
        summary: 'Danh mục dữ liệu báo cáo',
        querystring: ListDataElementsQuery,
        response: responses({ 200: DataElementList }),
      },
    },
    async (req) => {
      const { rows, actionsOf } = await listDataElements(db, req.actor!, req.query);
      return { items: rows.map((r) => ({ ...presentDataElement(r), allowedActions: actionsOf(r) })) };
    },
  );

  app.post(
    '/data-elements',
    { schema: { tags, summary: 'Thêm dữ liệu báo cáo', body: CreateDataElementBody, response: responses({ 201: DataElementView }) } },
    async (req, reply) => reply.code(201).send(presentDataElement(await createDataElement(db, req.actor!, req.body))),
  );

  app.post(
    '/data-elements/:id/archive',
    { schema: { tags, summary: 'Lưu trữ dữ liệu báo cáo', params: IdParams, response: responses({ 200: DataElementView }) } },
    async (req) => presentDataElement(await archiveDataElement(db, req.actor!, req.params.id)),
  );

  app.patch(
    '/data-elements/:id',
    {
      schema: {
        tags,
        summary: 'Sửa dữ liệu báo cáo',
        params: IdParams,
        body: UpdateDataElementBody,
        response: responses({ 200: DataElementView }),
      },
    },
    async (req) => presentDataElement(await updateDataElement(db, req.actor!, req.params.id, req.body)),
  );

  app.get('/indicators', { schema: { tags, summary: 'Danh mục chỉ số', response: responses({ 200: IndicatorList }) } }, async (req) => {
    const { rows, actionsOf } = await listIndicators(db, req.actor!);
    return { items: rows.map((r) => ({ ...presentIndicator(r), allowedActions: actionsOf(r) })) };
  });

  app.post(
    '/indicators',
    { schema: { tags, summary: 'Thêm chỉ số', body: CreateIndicatorBody, response: responses({ 201: IndicatorView }) } },
    async (req, reply) => reply.code(201).send(presentIndicator(await createIndicator(db, req.actor!, req.body))),
  );

  app.patch(
    '/indicators/:id',
    { schema: { tags, summary: 'Sửa chỉ số', params: IdParams, body: UpdateIndicatorBody, response: responses({ 200: IndicatorView }) } },
    async (req) => presentIndicator(await updateIndicator(db, req.actor!, req.params.id, req.body)),
  );

  app.get(
    '/targets',
    { schema: { tags, summary: 'Danh sách chỉ tiêu', querystring: ListTargetsQuery, response: responses({ 200: TargetList }) } },
    async (req) => {
      const { rows, allocations, facts } = await listTargets(db, req.actor!, req.query);
      return {
        items: rows.map((r) => ({
          ...presentTarget(r, allocations),
          allowedActions: facts.get(r.id)?.allowedActions ?? [],
          programStatus: facts.get(r.id)?.programStatus ?? null,
        })),
      };
    },
  );

  app.post(
    '/targets',
    { schema: { tags, summary: 'Thêm chỉ tiêu', body: CreateTargetBody, response: responses({ 201: TargetView }) } },
    async (req, reply) => {
      const target = await createTarget(db, req.actor!, req.body);
      return reply.code(201).send(presentTarget(target, target.allocations));
    },
  );

  app.patch(
    '/targets/:id',
    { schema: { tags, summary: 'Sửa chỉ tiêu', params: IdParams, body: UpdateTargetBody, response: responses({ 200: TargetView }) } },
    async (req) => {
      const target = await updateTarget(db, req.actor!, req.params.id, req.body);
      return presentTarget(target, target.allocations);
    },
  );

  app.post(
    '/targets/:id/archive',
    {
      schema: {
        tags,
        summary: 'Bãi bỏ (lưu trữ) chỉ tiêu',
        params: IdParams,
        body: ArchiveTargetBody,
        response: responses({ 200: TargetView }),
      },
    },
    async (req) => {
      const target = await archiveTarget(db, req.actor!, req.params.id, req.body);
      return presentTarget(target, target.allocations);
    },
  );

  app.get(
    '/targets/progress',
    {
      schema: {
        tags,
        summary: 'Tiến độ thực hiện các chỉ tiêu',
        querystring: TargetProgressQuery,
        response: responses({ 200: TargetProgressResponse }),
      },
    },
    async (req) => {
      const { asOf, items, departures } = await getTargetProgress(db, req.actor!, req.query);
      return { asOf, items: items.map((i) => presentProgress(i, departures)) };
    },
  );

  app.get(
    '/targets/unit-view',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu của một đơn vị: phần được giao, kết quả của đơn vị, phần còn thiếu',
        querystring: UnitTargetsQuery,
        response: responses({ 200: UnitTargetsResponse }),
      },
    },
    async (req) => {
      const { asOf, unitId, unitName, items, departures } = await getUnitTargets(db, req.actor!, req.query);
      return {
        asOf,
        unitId,
        unitName,
        items: items.map((i) => ({ target: presentProgress(i.target, departures), own: presentUnitCell(i.own) })),
      };
    },
  );

  app.get(
    '/targets/matrix',
    {
      schema: {
        tags,
        summary: 'Bảng đơn vị × chỉ tiêu: đơn vị nào chậm',
        querystring: TargetMatrixQuery,
        response: responses({ 200: TargetMatrixResponse }),
      },
    },
    async (req) => {
      const { asOf, targets, units, departures } = await getTargetMatrix(db, req.actor!, req.query);
      return {
        asOf,
        targets: targets.map((x) => presentProgress(x, departures)),
        units: units.map((u) => ({ ...u, cells: u.cells.map((c) => ({ targetId: c.targetId, ...presentUnitCell(c) })) })),
      };
    },
  );

  app.get(
    '/targets/matrix.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bảng đơn vị × chỉ tiêu ra Excel',
        querystring: TargetMatrixQuery,
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportTargetMatrix(db, req.actor!, req.query, req.locale);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );

  app.get(
    '/targets/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Phân bổ chỉ tiêu cho các đơn vị',
        params: IdParams,
        response: responses({ 200: TargetAllocationsResponse }),
      },
    },
    async (req) => getTargetAllocations(db, req.actor!, req.params.id),
  );

  app.put(
    '/targets/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Phân bổ chỉ tiêu (nhập tay hoặc chia theo tỉ lệ)',
        params: IdParams,
        body: AllocateTargetBody,
        response: responses({ 200: TargetAllocationsResponse }),
      },
    },
    async (req) => allocateTarget(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/targets/:id/series',
    {
      schema: {
        tags,
        summary: 'Giá trị chỉ tiêu theo từng tháng',
        params: IdParams,
        querystring: TargetSeriesQuery,
        response: responses({ 200: TargetSeriesResponse }),
      },
    },
    async (req) => getTargetSeries(db, req.actor!, req.params.id, req.query),
  );

  app.get(
    '/targets/:id/breakdown',
    {
      schema: {
        tags,
        summary: 'Kết quả chỉ tiêu theo từng đơn vị',
        params: IdParams,
        querystring: BreakdownQuery,
        response: responses({ 200: TargetBreakdownResponse }),
      },
    },
    async (req) => getTargetBreakdown(db, req.actor!, req.params.id, req.query.asOf, req.query.counting),
  );

  app.get(
    '/targets/:id/breakdown.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất kết quả chỉ tiêu theo từng đơn vị ra Excel',
        params: IdParams,
        querystring: BreakdownQuery,
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportTargetBreakdown(db, req.actor!, req.params.id, req.query.asOf, req.locale, req.query.counting);
      // A Buffer bypasses the response serializer, so the zod schema only documents it.
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );
}

import { IdParams, responses, type App } from '../../lib/http.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { allocateTarget } from './allocate-target.js';
import { archiveDataElement } from './archive-data-element.js';
import { createDataElement } from './create-data-element.js';
import { createIndicator } from './create-indicator.js';
import { createTarget } from './create-target.js';
import { exportTargetBreakdown } from './export-target-breakdown.js';
import { getTargetAllocations } from './get-target-allocations.js';
import { getTargetBreakdown } from './get-target-breakdown.js';
import { getTargetProgress } from './get-target-progress.js';
import { getTargetSeries } from './get-target-series.js';
import { listDataElements } from './list-data-elements.js';
import { listIndicators } from './list-indicators.js';
import { listTargets } from './list-targets.js';
import { presentDataElement, presentIndicator, presentProgress, presentTarget } from './presenter.js';
import {
  AllocateTargetBody,
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
  TargetProgressQuery,
  TargetProgressResponse,
  TargetSeriesQuery,
  TargetSeriesResponse,
  TargetView,
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
    async (req) => ({ items: (await listDataElements(db, req.actor!, req.query)).map(presentDataElement) }),
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

  app.get('/indicators', { schema: { tags, summary: 'Danh mục chỉ số', response: responses({ 200: IndicatorList }) } }, async (req) => ({
    items: (await listIndicators(db, req.actor!)).map(presentIndicator),
  }));

  app.post(
    '/indicators',
    { schema: { tags, summary: 'Thêm chỉ số', body: CreateIndicatorBody, response: responses({ 201: IndicatorView }) } },
    async (req, reply) => reply.code(201).send(presentIndicator(await createIndicator(db, req.actor!, req.body))),
  );

  app.get(
    '/targets',
    { schema: { tags, summary: 'Danh sách chỉ tiêu', querystring: ListTargetsQuery, response: responses({ 200: TargetList }) } },
    async (req) => {
      const { rows, allocations } = await listTargets(db, req.actor!, req.query);
      return { items: rows.map((r) => presentTarget(r, allocations)) };
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
      const { asOf, items } = await getTargetProgress(db, req.actor!, req.query);
      return { asOf, items: items.map(presentProgress) };
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

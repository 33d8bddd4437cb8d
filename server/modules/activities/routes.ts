// Activity records (hồ sơ hoạt động; docs/activities.md): list, one record,
// create, edit, delete; the Excel export and the totals per unit. Files are
// in attachment-routes.ts.
import {
  ActivityRecordPage,
  ActivityTotalsQuery,
  ActivityTotalsView,
  ActivityRecordView,
  CreateActivityRecordBody,
  DeleteActivityRecordBody,
  ListActivityRecordsQuery,
  UpdateActivityRecordBody,
} from '../../../common/api/activities.js';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { IdParams, OkResponse, responses, type App } from '../../lib/http.js';
import { rateLimitError } from '../../lib/rate-limits.js';
import { createActivityRecord } from './create-activity-record.js';
import { deleteActivityRecord } from './delete-activity-record.js';
import { exportActivityRecords } from './export-activity-records.js';
import { getActivityTotals } from './get-activity-totals.js';
import { getActivityRecord } from './get-activity-record.js';
import { listActivityRecords } from './list-activity-records.js';
import { presentActivityRecord } from './presenter.js';
import { updateActivityRecord } from './update-activity-record.js';

export default async function activityRoutes(app: App) {
  const db = app.database.db;
  const tags = ['activities'];
  // Searches (a list or export with a search text) are limited per user (docs/security.md).
  const searchLimit = {
    max: app.rateLimits.searchPerMinute,
    timeWindow: 60_000,
    hook: 'preHandler' as const,
    errorResponseBuilder: rateLimitError('SEARCH_RATE_LIMITED'),
    keyGenerator: (req: { actor: { userId: string } | null; ip: string }) => `search:${req.actor?.userId ?? req.ip}`,
    allowList: (req: { query: unknown }) => !(req.query as { q?: string }).q?.trim(),
  };

  app.get(
    '/activities',
    {
      config: { rateLimit: searchLimit },
      schema: {
        tags,
        summary: 'Danh sách hồ sơ hoạt động (lọc theo loại, đơn vị, thời gian, tìm kiếm; hồ sơ sau một chỉ số từ hồ sơ)',
        querystring: ListActivityRecordsQuery,
        response: responses({ 200: ActivityRecordPage }),
      },
    },
    async (req) => {
      const page = await listActivityRecords(db, req.actor!, req.query);
      return { ...page, items: page.items.map(presentActivityRecord) };
    },
  );

  app.get(
    '/activities/export',
    {
      config: { rateLimit: searchLimit },
      schema: {
        tags,
        summary: 'Xuất danh sách hồ sơ hoạt động ra Excel (cùng bộ lọc với danh sách)',
        querystring: ListActivityRecordsQuery.omit({ page: true, pageSize: true }),
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportActivityRecords(db, req.actor!, req.query, req.locale);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );

  app.get(
    '/activities/totals',
    {
      schema: {
        tags,
        summary: 'Tổng hợp hồ sơ một loại theo đơn vị trong khoảng thời gian (số hồ sơ, tổng tiền, theo nguồn)',
        querystring: ActivityTotalsQuery,
        response: responses({ 200: ActivityTotalsView }),
      },
    },
    async (req) => getActivityTotals(db, req.actor!, req.query),
  );

  app.get(
    '/activities/:id',
    { schema: { tags, summary: 'Một hồ sơ hoạt động', params: IdParams, response: responses({ 200: ActivityRecordView }) } },
    async (req) => presentActivityRecord(await getActivityRecord(db, req.actor!, req.params.id)),
  );

  app.post(
    '/activities',
    {
      schema: { tags, summary: 'Ghi hồ sơ hoạt động', body: CreateActivityRecordBody, response: responses({ 201: ActivityRecordView }) },
    },
    async (req, reply) => reply.code(201).send(presentActivityRecord(await createActivityRecord(db, req.actor!, req.body))),
  );

  app.put(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ hoạt động (kèm phiên bản đã đọc; cần lý do khi báo cáo tháng đó đã nộp)',
        params: IdParams,
        body: UpdateActivityRecordBody,
        response: responses({ 200: ActivityRecordView }),
      },
    },
    async (req) => presentActivityRecord(await updateActivityRecord(db, req.actor!, req.params.id, req.body)),
  );

  app.delete(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Xóa hồ sơ hoạt động (kèm phiên bản đã đọc; cần lý do khi báo cáo tháng đó đã nộp)',
        params: IdParams,
        body: DeleteActivityRecordBody,
        response: responses({ 200: OkResponse }),
      },
    },
    async (req) => {
      await deleteActivityRecord(db, req.actor!, req.params.id, req.body);
      return { ok: true as const };
    },
  );
}

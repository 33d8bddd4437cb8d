import { z } from 'zod';
import { contentDisposition, XLSX_CONTENT_TYPE, XlsxFileResponse } from '../../lib/files.js';
import { IdParams, responses, type App } from '../../lib/http.js';
import { rateLimitError } from '../../lib/rate-limits.js';
import { admitMember } from './admit-member.js';
import { decideTransfer } from './decide-transfer.js';
import { exportMembers } from './export-members.js';
import { findReceivingUnit } from './find-receiving-unit.js';
import { getMember } from './get-member.js';
import { getMemberStats } from './get-member-stats.js';
import { issueMemberCard } from './issue-member-card.js';
import { leaveMember } from './leave-member.js';
import { listMembers } from './list-members.js';
import { listPendingTransfers } from './list-pending-transfers.js';
import { presentMemberDetail, presentMemberListItem } from './presenter.js';
import { rejoinMember } from './rejoin-member.js';
import {
  AdmitMemberBody,
  DecideTransferBody,
  DecideTransferResponse,
  IssueCardBody,
  LeaveMemberBody,
  ListMembersQuery,
  MemberDetail,
  MemberFilterQuery,
  MemberListResponse,
  MemberStats,
  PendingTransferList,
  ReceivingUnit,
  ReceivingUnitQuery,
  RejoinMemberBody,
  TransferMemberBody,
  UpdateMemberBody,
} from './schemas.js';
import { transferMember } from './transfer-member.js';
import { updateMember } from './update-member.js';

// The member registry (sổ đoàn viên). The Excel import is in import-routes.ts.
export default async function memberRoutes(app: App) {
  const db = app.database.db;
  const tags = ['members'];
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
    '/members',
    {
      config: { rateLimit: searchLimit },
      schema: {
        tags,
        summary: 'Danh sách đoàn viên (tìm kiếm, lọc, sắp xếp, phân trang)',
        querystring: ListMembersQuery,
        response: responses({ 200: MemberListResponse }),
      },
    },
    async (req) => {
      const page = await listMembers(db, req.actor!, req.query);
      return { ...page, items: page.items.map(presentMemberListItem) };
    },
  );

  app.get(
    '/members/export',
    {
      config: { rateLimit: searchLimit },
      schema: {
        tags,
        summary: 'Xuất danh sách đoàn viên ra Excel',
        querystring: MemberFilterQuery,
        response: { ...responses({}), 200: XlsxFileResponse },
      },
    },
    async (req, reply) => {
      const file = await exportMembers(db, req.actor!, req.query, req.locale);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.buffer);
    },
  );

  app.get(
    '/members/stats',
    {
      schema: {
        tags,
        summary: 'Số liệu đoàn viên trong phạm vi',
        querystring: z.object({ unitId: z.uuid().optional() }),
        response: responses({ 200: MemberStats }),
      },
    },
    async (req) => getMemberStats(db, req.actor!, req.query.unitId),
  );

  app.get(
    '/members/transfers/pending',
    { schema: { tags, summary: 'Chuyển sinh hoạt chờ tiếp nhận', response: responses({ 200: PendingTransferList }) } },
    async (req) => ({ items: await listPendingTransfers(db, req.actor!) }),
  );

  app.get(
    '/members/receiving-unit',
    {
      schema: {
        tags,
        summary: 'Tìm công đoàn cơ sở nhận đoàn viên chuyển đến theo mã đơn vị (đúng một đơn vị, kể cả ngoài phạm vi)',
        querystring: ReceivingUnitQuery,
        response: responses({ 200: ReceivingUnit }),
      },
    },
    async (req) => findReceivingUnit(db, req.actor!, req.query),
  );

  app.post(
    '/members/transfers/:id/decide',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hoặc từ chối đoàn viên chuyển đến',
        params: IdParams,
        body: DecideTransferBody,
        response: responses({ 200: DecideTransferResponse }),
      },
    },
    async (req) => decideTransfer(db, req.actor!, req.params.id, req.body),
  );

  app.get(
    '/members/:id',
    { schema: { tags, summary: 'Hồ sơ đoàn viên', params: IdParams, response: responses({ 200: MemberDetail }) } },
    async (req) => presentMemberDetail(await getMember(db, req.actor!, req.params.id, { auditView: true })),
  );

  app.post(
    '/members',
    { schema: { tags, summary: 'Kết nạp đoàn viên', body: AdmitMemberBody, response: responses({ 201: MemberDetail }) } },
    async (req, reply) => reply.code(201).send(presentMemberDetail(await admitMember(db, req.actor!, req.body))),
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đoàn viên',
        params: IdParams,
        body: UpdateMemberBody,
        response: responses({ 200: MemberDetail }),
      },
    },
    async (req) => presentMemberDetail(await updateMember(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/members/:id/transfer',
    {
      schema: { tags, summary: 'Chuyển sinh hoạt', params: IdParams, body: TransferMemberBody, response: responses({ 200: MemberDetail }) },
    },
    async (req) => presentMemberDetail(await transferMember(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/members/:id/leave',
    {
      schema: {
        tags,
        summary: 'Ra khỏi tổ chức / từ trần',
        params: IdParams,
        body: LeaveMemberBody,
        response: responses({ 200: MemberDetail }),
      },
    },
    async (req) => presentMemberDetail(await leaveMember(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/members/:id/rejoin',
    { schema: { tags, summary: 'Kết nạp lại', params: IdParams, body: RejoinMemberBody, response: responses({ 200: MemberDetail }) } },
    async (req) => presentMemberDetail(await rejoinMember(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/members/:id/card',
    { schema: { tags, summary: 'Cấp thẻ đoàn viên', params: IdParams, body: IssueCardBody, response: responses({ 200: MemberDetail }) } },
    async (req) => presentMemberDetail(await issueMemberCard(db, req.actor!, req.params.id, req.body)),
  );
}

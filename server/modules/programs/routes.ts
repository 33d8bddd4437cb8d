import { IdParams, responses, type App } from '../../lib/http.js';
import { amendProgram } from './amend-program.js';
import { createProgram } from './create-program.js';
import { exportProgramDocx } from './export-program-docx.js';
import { getProgram } from './get-program.js';
import { issueProgram } from './issue-program.js';
import { listProgramVersions } from './list-program-versions.js';
import { listPrograms } from './list-programs.js';
import { updateProgram } from './update-program.js';
import { AmendProgramBody, CarryDerivedTargetsBody, IssueProgramBody, ProgramVersionList } from './schemas.js';
import { carryDerivedTargets } from './carry-derived-targets.js';
import { AllocationCheck, DeriveProgramBody, DeriveProgramResult } from './schemas.js';
import { checkProgramAllocations } from './check-program-allocations.js';
import { deriveProgram } from './derive-program.js';
import { presentProgram, presentProgramSummary, type ProgramWithUnit } from './presenter.js';
import { CreateProgramBody, DocxFile, ListProgramsQuery, ProgramDetail, ProgramPage, UpdateProgramBody } from './schemas.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A program use-case's result as the API shows it (decision 0009: the route presents). */
const present = (found: ProgramWithUnit) => presentProgram(found);

export default async function programRoutes(app: App) {
  const db = app.database.db;
  const tags = ['programs'];

  app.get(
    '/programs',
    {
      schema: {
        tags,
        summary: 'Danh sách chương trình công tác trong phạm vi',
        querystring: ListProgramsQuery,
        response: responses({ 200: ProgramPage }),
      },
    },
    async (req) => {
      const page = await listPrograms(db, req.actor!, req.query);
      return { ...page, items: page.items.map((r) => presentProgramSummary(r.program, r.unitName, r.allowedActions)) };
    },
  );

  app.get(
    '/programs/:id',
    { schema: { tags, summary: 'Chương trình công tác (toàn văn)', params: IdParams, response: responses({ 200: ProgramDetail }) } },
    async (req) => {
      const found = await getProgram(db, req.actor!, req.params.id);
      return presentProgram(found, found.allowedActions);
    },
  );

  app.post(
    '/programs',
    { schema: { tags, summary: 'Tạo dự thảo chương trình', body: CreateProgramBody, response: responses({ 201: ProgramDetail }) } },
    async (req, reply) => reply.code(201).send(present(await createProgram(db, req.actor!, req.body))),
  );

  app.patch(
    '/programs/:id',
    {
      schema: {
        tags,
        summary: 'Sửa dự thảo chương trình',
        params: IdParams,
        body: UpdateProgramBody,
        response: responses({ 200: ProgramDetail }),
      },
    },
    async (req) => present(await updateProgram(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/programs/:id/issue',
    {
      schema: {
        tags,
        summary: 'Ban hành chương trình',
        params: IdParams,
        body: IssueProgramBody.nullish(),
        response: responses({ 200: ProgramDetail }),
      },
    },
    async (req) => present(await issueProgram(db, req.actor!, req.params.id, req.body ?? {})),
  );

  app.post(
    '/programs/:id/amend',
    {
      schema: {
        tags,
        summary: 'Sửa đổi, bổ sung chương trình đã ban hành (tạo phiên bản dự thảo mới)',
        params: IdParams,
        body: AmendProgramBody,
        response: responses({ 201: ProgramDetail }),
      },
    },
    async (req, reply) => reply.code(201).send(present(await amendProgram(db, req.actor!, req.params.id, req.body))),
  );

  app.post(
    '/programs/:id/derive',
    {
      schema: {
        tags,
        summary: 'Cụ thể hóa chương trình cho đơn vị cấp dưới (tạo dự thảo)',
        params: IdParams,
        body: DeriveProgramBody,
        response: responses({ 201: DeriveProgramResult }),
      },
    },
    async (req, reply) => {
      const result = await deriveProgram(db, req.actor!, req.params.id, req.body);
      return reply.code(201).send({ ...result, program: present(result.program) });
    },
  );

  app.post(
    '/programs/:id/carry-targets',
    {
      schema: {
        tags,
        summary: 'Đưa vào chương trình cụ thể hóa các chỉ tiêu cấp trên đã phân bổ cho đơn vị',
        params: IdParams,
        body: CarryDerivedTargetsBody,
        response: responses({ 200: ProgramDetail }),
      },
    },
    async (req) => present(await carryDerivedTargets(db, req.actor!, req.params.id, req.body)),
  );

  app.get(
    '/programs/:id/allocation-check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra phân bổ các chỉ tiêu tổng của chương trình',
        params: IdParams,
        response: responses({ 200: AllocationCheck }),
      },
    },
    async (req) => checkProgramAllocations(db, req.actor!, req.params.id),
  );

  app.get(
    '/programs/:id/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản của chương trình và nội dung thay đổi',
        params: IdParams,
        response: responses({ 200: ProgramVersionList }),
      },
    },
    async (req) => listProgramVersions(db, req.actor!, req.params.id),
  );

  app.get(
    '/programs/:id/document.docx',
    {
      schema: {
        tags,
        summary: 'Tải chương trình dạng DOCX (thể thức văn bản Công đoàn)',
        params: IdParams,
        produces: [DOCX_TYPE],
        response: responses({ 200: DocxFile }),
      },
    },
    async (req, reply) => {
      const file = await exportProgramDocx(db, req.actor!, req.params.id);
      return reply.type(DOCX_TYPE).header('content-disposition', file.contentDisposition).send(file.buffer);
    },
  );
}

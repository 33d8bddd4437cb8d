import { OkResponse, responses, type App } from '../../lib/http.js';
import { addRoleAssignment } from './add-role-assignment.js';
import { createUser } from './create-user.js';
import { deleteRoleAssignment } from './delete-role-assignment.js';
import { disableUser } from './disable-user.js';
import { enableUser } from './enable-user.js';
import { getUser } from './get-user.js';
import { listUsers } from './list-users.js';
import { requireUserAction } from './policy.js';
import { presentUser } from './presenter.js';
import { resetUserPassword } from './reset-user-password.js';
import {
  AssignmentInput,
  AssignmentParams,
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateAssignmentBody,
  UpdateUserBody,
  UserPage,
  UserParams,
  UserView,
} from './schemas.js';
import { updateRoleAssignment } from './update-role-assignment.js';
import { updateUser } from './update-user.js';

export default async function usersRoutes(app: App) {
  const db = app.database.db;
  const tags = ['users'];

  // Refuse callers who may not manage users before looking at their input, so
  // a non-admin gets 403 on every endpoint (use-cases check again).
  app.addHook('preValidation', async (req) => {
    requireUserAction(req.actor!, 'read');
  });

  app.get(
    '/users',
    { schema: { tags, summary: 'Danh sách người dùng', querystring: ListUsersQuery, response: responses({ 200: UserPage }) } },
    async (req) => {
      const page = await listUsers(db, req.actor!, req.query);
      return { ...page, items: page.items.map(presentUser) };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'Chi tiết người dùng', params: UserParams, response: responses({ 200: UserView }) } },
    async (req) => presentUser(await getUser(db, req.actor!, req.params.id)),
  );

  app.post(
    '/users',
    { schema: { tags, summary: 'Thêm người dùng', body: CreateUserBody, response: responses({ 201: UserView }) } },
    async (req, reply) => {
      const id = await createUser(db, req.actor!, req.body);
      return reply.code(201).send(presentUser(await getUser(db, req.actor!, id)));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin người dùng',
        params: UserParams,
        body: UpdateUserBody,
        response: responses({ 200: UserView }),
      },
    },
    async (req) => {
      await updateUser(db, req.actor!, req.params.id, req.body);
      return presentUser(await getUser(db, req.actor!, req.params.id));
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: { tags, summary: 'Đặt lại mật khẩu', params: UserParams, body: ResetPasswordBody, response: responses({ 200: OkResponse }) },
    },
    async (req) => {
      await resetUserPassword(db, req.actor!, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/disable',
    { schema: { tags, summary: 'Vô hiệu hóa tài khoản', params: UserParams, response: responses({ 200: UserView }) } },
    async (req) => {
      await disableUser(db, req.actor!, req.params.id);
      return presentUser(await getUser(db, req.actor!, req.params.id));
    },
  );

  app.post(
    '/users/:id/enable',
    { schema: { tags, summary: 'Kích hoạt lại tài khoản', params: UserParams, response: responses({ 200: UserView }) } },
    async (req) => {
      await enableUser(db, req.actor!, req.params.id);
      return presentUser(await getUser(db, req.actor!, req.params.id));
    },
  );

  app.post(
    '/users/:id/assignments',
    { schema: { tags, summary: 'Phân quyền', params: UserParams, body: AssignmentInput, response: responses({ 200: UserView }) } },
    async (req) => {
      await addRoleAssignment(db, req.actor!, req.params.id, req.body);
      return presentUser(await getUser(db, req.actor!, req.params.id));
    },
  );

  app.patch(
    '/users/:id/assignments/:assignmentId',
    {
      schema: {
        tags,
        summary: 'Sửa hoặc kết thúc phân quyền',
        params: AssignmentParams,
        body: UpdateAssignmentBody,
        response: responses({ 200: UserView }),
      },
    },
    async (req) => {
      await updateRoleAssignment(db, req.actor!, req.params.id, req.params.assignmentId, req.body);
      return presentUser(await getUser(db, req.actor!, req.params.id));
    },
  );

  app.delete(
    '/users/:id/assignments/:assignmentId',
    { schema: { tags, summary: 'Xóa phân quyền', params: AssignmentParams, response: responses({ 200: UserView }) } },
    async (req) => {
      await deleteRoleAssignment(db, req.actor!, req.params.id, req.params.assignmentId);
      return presentUser(await getUser(db, req.actor!, req.params.id));
    },
  );
}

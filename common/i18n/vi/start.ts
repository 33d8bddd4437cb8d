// The Vietnamese namespaces the web app's first screens use (sign-in, layout, home and a
// target's breakdown): they ship with the app. The rest (vi/rest.ts) is one chunk that
// loads with the first other page (web/src/app/i18n.tsx). Together they are vi/index.ts;
// catalogue-split.unit.test.ts checks that no namespace is left out.
export { common } from './common.js';
export { enums } from './enums.js';
export { nav } from './nav.js';
export { auth } from './auth.js';
export { targets } from './targets.js';
export { members } from './members.js';
export { reports } from './reports.js';
export { notifications } from './notifications.js';

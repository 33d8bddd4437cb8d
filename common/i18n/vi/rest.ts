// The Vietnamese namespaces that the first screens do not use; see vi/start.ts.
export { errors } from './errors.js';
export { units } from './units.js';
export { users } from './users.js';
export { audit } from './audit.js';
export { programs } from './programs.js';
export { catalogue } from './catalogue.js';
export { validation } from './validation.js';
export { memberImport } from './member-import.js';
export { memberExport } from './member-export.js';
export { activityExport } from './activity-export.js';
export { reportForm } from './report-form.js';
export { reportReview } from './report-review.js';
export { delegations } from './delegations.js';
export { derivedMarks } from './derived-marks.js';
export { activities } from './activities.js';

// Calendar-day helpers now live in common/format.ts (shared with the web); kept
// as a re-export so server modules keep one short import path.
export { dayBefore, isValidIsoDate, todayInVietnam } from '../../common/format.js';

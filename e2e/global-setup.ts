// Vitest global setup of the e2e project: build the web app once per run.
import { ensureWebBuild } from './build-web.js';

export default function setup() {
  ensureWebBuild();
}

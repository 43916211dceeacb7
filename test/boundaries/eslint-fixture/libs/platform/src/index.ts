// Infrastructure reaching into a specification by a relative path: its own rule (no @app/spec-*) must not drop the
// pattern every library carries.
import { BETA } from '../../spec-beta/src/index.js';

export const PLATFORM = BETA;

// Loaded once by the worker and shared by all its workflows (see worker/workflow-sources.ts).
import { z } from 'zod';

/**
 * A schema built and parsed here, before the shared modules are frozen: zod sets its default
 * error messages and its parse memoizer in its global configuration when the first schema (the
 * first object schema) is built, and a frozen configuration would refuse that later. Exported so that the bundler keeps the import (zod
 * declares itself free of side effects, and a module loaded only for being loaded is dropped).
 */
export const ZOD_READY = z.object({ ready: z.string() }).safeParse({ ready: '' }).success;

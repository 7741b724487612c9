// Entry of an analysis worker thread (see parallel.ts). The sources are TypeScript run through
// tsx, and a worker thread does not inherit the parent's loader, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker-impl.ts');

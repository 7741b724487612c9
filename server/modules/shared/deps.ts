import type { Database } from '../../db/client.js';
import type { MatchingIndex } from '../matching/matching.index.js';

/** What registry services use: the database, and the engine for their full-text box. */
export interface RegistryDeps {
  db: Database;
  index?: () => Promise<MatchingIndex>;
}
